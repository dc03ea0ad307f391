package dev.envprofile.engine.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects that run pods the engine does not model as workloads: ReplicationControllers, bare
 * ReplicaSets and Pods, and custom resources with a pod template (an Argo Rollout, an OpenShift
 * DeploymentConfig). The namespace's default deny selects their pods too, so each gets an
 * allow-all policy, as an unmanaged workload does: otherwise promotion would cut them off.
 */
public final class ForeignPods {
  /** @param labels labels that select the object's pods; empty when nothing does */
  public record Owner(String kind, String name, Map<String, String> labels) {
    @Override
    public String toString() {
      return kind + "/" + name;
    }
  }

  private ForeignPods() {}

  public static List<Owner> in(List<HasMetadata> objects) {
    List<Owner> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o.getMetadata() == null || o.getMetadata().getName() == null || owned(o)) {
        continue; // pods of a Deployment's ReplicaSet belong to the Deployment's policy
      }
      Map<String, String> labels = null;
      if (o instanceof ReplicationController rc) {
        labels = rc.getSpec() == null ? null : rc.getSpec().getSelector();
        if ((labels == null || labels.isEmpty()) && rc.getSpec() != null && rc.getSpec().getTemplate() != null
            && rc.getSpec().getTemplate().getMetadata() != null) {
          labels = rc.getSpec().getTemplate().getMetadata().getLabels(); // the API server defaults the selector so
        }
      } else if (o instanceof ReplicaSet rs) {
        labels = rs.getSpec() == null ? null : matchLabels(rs.getSpec().getSelector());
        if ((labels == null || labels.isEmpty()) && rs.getSpec() != null && rs.getSpec().getTemplate() != null
            && rs.getSpec().getTemplate().getMetadata() != null) {
          labels = rs.getSpec().getTemplate().getMetadata().getLabels(); // matchExpressions only: the pods carry these
        }
      } else if (o instanceof Pod p) {
        labels = p.getMetadata().getLabels();
      } else if (o instanceof GenericKubernetesResource g && g.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
          && spec.get("template") instanceof Map<?, ?> template && template.get("spec") instanceof Map<?, ?> podSpec
          && podSpec.get("containers") instanceof List<?>) {
        labels = strings(template.get("metadata") instanceof Map<?, ?> m ? m.get("labels") : null);
      } else {
        continue;
      }
      out.add(new Owner(o.getKind(), o.getMetadata().getName(), labels == null ? Map.of() : new LinkedHashMap<>(labels)));
    }
    return out;
  }

  private static boolean owned(HasMetadata o) {
    return o.getMetadata().getOwnerReferences() != null && !o.getMetadata().getOwnerReferences().isEmpty();
  }

  private static Map<String, String> matchLabels(LabelSelector s) {
    return s == null ? null : s.getMatchLabels();
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (k instanceof String ks && v instanceof String vs) {
          out.put(ks, vs);
        }
      });
    }
    return out;
  }
}
