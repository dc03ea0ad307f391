package dev.envprofile.engine.facts;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The ConfigMaps a workload refers to: env, envFrom, plain and projected volumes. */
public final class ConfigMapNames {
  private ConfigMapNames() {}

  public static Set<String> referencedBy(Workload w) {
    Set<String> out = new LinkedHashSet<>();
    for (Container c : w.allContainers()) {
      if (c.getEnvFrom() != null) {
        for (EnvFromSource f : c.getEnvFrom()) {
          if (f.getConfigMapRef() != null && f.getConfigMapRef().getName() != null) {
            out.add(f.getConfigMapRef().getName());
          }
        }
      }
      if (c.getEnv() != null) {
        for (EnvVar v : c.getEnv()) {
          if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null
              && v.getValueFrom().getConfigMapKeyRef().getName() != null) {
            out.add(v.getValueFrom().getConfigMapKeyRef().getName());
          }
        }
      }
    }
    if (w.pod().getVolumes() != null) {
      for (Volume v : w.pod().getVolumes()) {
        if (v.getConfigMap() != null && v.getConfigMap().getName() != null) {
          out.add(v.getConfigMap().getName());
        }
        if (v.getProjected() != null && v.getProjected().getSources() != null) {
          for (VolumeProjection p : v.getProjected().getSources()) {
            if (p.getConfigMap() != null && p.getConfigMap().getName() != null) {
              out.add(p.getConfigMap().getName());
            }
          }
        }
      }
    }
    return out;
  }
}
