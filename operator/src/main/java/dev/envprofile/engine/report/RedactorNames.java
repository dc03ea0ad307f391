package dev.envprofile.engine.report;

import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.facts.EnvResolver;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashSet;
import java.util.Set;

/**
 * The names a report is written with, which the {@link Redactor} never masks: objects, the
 * namespace, kinds, containers, ConfigMap and Secret keys, env variables and check ids.
 */
public final class RedactorNames {
  private RedactorNames() {}

  public static Set<String> of(Inventory inv, String namespace) {
    Set<String> names = new HashSet<>();
    if (namespace != null) {
      names.add(namespace);
    }
    for (HasMetadata o : inv.objects()) {
      names.add(o.getMetadata().getName());
      if (o.getKind() != null) {
        names.add(o.getKind());
      }
      if (o instanceof ConfigMap cm) {
        names.addAll(EnvResolver.data(cm).keySet());
      } else if (o instanceof Secret s) {
        names.addAll(EnvResolver.secretData(s).keySet());
      }
    }
    for (Workload w : inv.allWorkloads()) {
      for (Container c : w.allContainers()) {
        names.add(c.getName());
        if (c.getEnv() != null) {
          for (EnvVar v : c.getEnv()) {
            names.add(v.getName());
          }
        }
      }
    }
    for (CheckInfo info : Catalog.infos()) {
      names.add(info.id());
    }
    names.remove(null);
    return names;
  }
}
