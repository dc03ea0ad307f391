package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.plan.WritePlanner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Objects;

/**
 * Which updates of a watched object can change what a reconcile does. Controllers rewrite the
 * status of Deployments, Jobs and CronJobs with every pod that starts or stops; no reconcile reads
 * those, so such updates do not trigger one (the cache is updated all the same). A StatefulSet's
 * readiness is read (a migration waits for it), so its ready count counts too.
 */
final class RelevantUpdates {
  private RelevantUpdates() {}

  static boolean matter(HasMetadata newer, HasMetadata older) {
    if (newer.getMetadata().getGeneration() == null || older == null) {
      return true; // no spec/status split (ConfigMap, Service, PVC, Secret): every change is content
    }
    if (!Objects.equals(newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
        || !Objects.equals(newer.getMetadata().getLabels(), older.getMetadata().getLabels())
        || !Objects.equals(newer.getMetadata().getAnnotations(), older.getMetadata().getAnnotations())
        || !Objects.equals(newer.getMetadata().getDeletionTimestamp(), older.getMetadata().getDeletionTimestamp())) {
      return true;
    }
    return newer instanceof StatefulSet s && older instanceof StatefulSet o && WritePlanner.ready(s) != WritePlanner.ready(o);
  }
}
