package dev.envprofile.engine.checks;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.credentials.ConfigMapReaders;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
  public static List<ConfigMap> configMaps(Inventory inv, Facts facts, boolean selectsAll) {
    List<ConfigMap> out = new ArrayList<>();
    for (ConfigMap cm : inv.configMaps()) {
      if (PLATFORM_CONFIGMAPS.contains(cm.getMetadata().getName()) || Labels.isIgnored(cm) || Labels.isManaged(cm)) {
        continue;
      }
      if (selectsAll || facts.configMapConsumers(cm.getMetadata().getName()).stream().anyMatch(inv::isSelected)) {
        out.add(cm);
      }
    }
    return out;
  }

  /** Whether some selected workload reads any of the keys from the ConfigMap. */
  public static boolean readBySelected(Inventory inv, Facts facts, String configMap, Set<String> keys) {
    for (Workload w : facts.configMapConsumers(configMap)) {
      if (!inv.isSelected(w)) {
        continue;
      }
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
