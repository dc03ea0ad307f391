package dev.envprofile.engine.checks;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.credentials.ConfigMapReaders;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which non-workload objects a check judges: the ones the profile is responsible for. */
public final class Subjects {
  /** Created by Kubernetes in every namespace; judging it would make cluster and offline results differ. */
  private static final Set<String> PLATFORM_CONFIGMAPS = Set.of("kube-root-ca.crt", "openshift-service-ca.crt");

  private Subjects() {}

  /**
   * ConfigMaps the profile answers for: all of the namespace's when it selects everything; with a
   * selector, those its selected workloads read. Never ignored, generated or platform ones.
   */
  public static List<ConfigMap> configMaps(Inventory inv, boolean selectsAll) {
    List<ConfigMap> out = new ArrayList<>();
    for (ConfigMap cm : inv.configMaps()) {
      if (PLATFORM_CONFIGMAPS.contains(cm.getMetadata().getName()) || Labels.isIgnored(cm) || Labels.isManaged(cm)) {
        continue;
      }
      if (selectsAll || inv.workloads().stream().anyMatch(w -> mentions(w, cm.getMetadata().getName()))) {
        out.add(cm);
      }
    }
    return out;
  }

  /** Whether a workload refers to the ConfigMap at all (env, envFrom, volume). */
  public static boolean mentions(Workload w, String configMap) {
    for (var c : w.allContainers()) {
      if (c.getEnvFrom() != null && c.getEnvFrom().stream()
          .anyMatch(f -> f.getConfigMapRef() != null && configMap.equals(f.getConfigMapRef().getName()))) {
        return true;
      }
      if (c.getEnv() != null && c.getEnv().stream().anyMatch(v -> v.getValueFrom() != null
          && v.getValueFrom().getConfigMapKeyRef() != null && configMap.equals(v.getValueFrom().getConfigMapKeyRef().getName()))) {
        return true;
      }
    }
    if (w.pod().getVolumes() != null) {
      for (Volume v : w.pod().getVolumes()) {
        if (v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName())) {
          return true;
        }
        if (v.getProjected() != null && v.getProjected().getSources() != null && v.getProjected().getSources().stream()
            .anyMatch(p -> p.getConfigMap() != null && configMap.equals(p.getConfigMap().getName()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether some selected workload reads any of the keys from the ConfigMap. */
  public static boolean readBySelected(Inventory inv, String configMap, Set<String> keys) {
    for (Workload w : inv.workloads()) {
      for (String k : keys) {
        if (ConfigMapReaders.reads(w.pod(), configMap, k, n -> Set.of())) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean selectsAll(dev.envprofile.engine.Settings settings) {
    var s = settings.selector();
    return s == null || (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
        && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
  }

  public static String name(HasMetadata o) {
    return o.getMetadata().getName();
  }
}
