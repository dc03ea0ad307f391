package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.plan.WritePlanner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which updates of a watched object can change what a reconcile does. Controllers rewrite the
 * status of Deployments, Jobs and CronJobs with every pod that starts or stops; no reconcile reads
 * those, so such updates do not trigger one (the cache is updated all the same). A StatefulSet's
 * readiness is read (a migration waits for it), so its ready count counts too.
 *
 * <p>Controllers also write annotations and fields of their own that no reconcile reads: the
 * deployment controller's revision on every rollout (so each Deployment a promotion patched
 * triggered one more reconcile of its namespace, a second after the first), and the volume
 * binder's annotations, volume name and phase on every claim it binds. The scale benchmark counted
 * 10 reconciles per namespace to reach Promoted, most of them for these.
 */
final class RelevantUpdates {
  /** Annotations only controllers write, and nothing the operator decides reads. */
  static final Set<String> CONTROLLER_ANNOTATIONS = Set.of(
      "deployment.kubernetes.io/revision",
      "pv.kubernetes.io/bind-completed",
      "pv.kubernetes.io/bound-by-controller",
      "volume.beta.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/storage-provisioner",
      "volume.kubernetes.io/selected-node");

  private RelevantUpdates() {}

  static boolean matter(HasMetadata newer, HasMetadata older) {
    if (older == null) {
      return true;
    }
    if (!Objects.equals(newer.getMetadata().getLabels(), older.getMetadata().getLabels())
        || !Objects.equals(userAnnotations(newer), userAnnotations(older))
        || !Objects.equals(newer.getMetadata().getDeletionTimestamp(), older.getMetadata().getDeletionTimestamp())) {
      return true;
    }
    if (newer instanceof PersistentVolumeClaim n && older instanceof PersistentVolumeClaim o) {
      return !Objects.equals(unbound(n.getSpec()), unbound(o.getSpec())); // binding is the binder's, not ours
    }
    if (newer.getMetadata().getGeneration() == null) {
      return true; // no spec/status split (ConfigMap, Service, Secret): every change is content
    }
    if (!Objects.equals(newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())) {
      return true;
    }
    return newer instanceof StatefulSet s && older instanceof StatefulSet o && WritePlanner.ready(s) != WritePlanner.ready(o);
  }

  private static Map<String, String> userAnnotations(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    if (a == null || a.keySet().stream().noneMatch(CONTROLLER_ANNOTATIONS::contains)) {
      return a == null ? Map.of() : a;
    }
    Map<String, String> out = new HashMap<>(a);
    out.keySet().removeAll(CONTROLLER_ANNOTATIONS);
    return out;
  }

  private static PersistentVolumeClaimSpec unbound(PersistentVolumeClaimSpec spec) {
    return spec == null ? null : new PersistentVolumeClaimSpecBuilder(spec).withVolumeName(null).build();
  }
}
