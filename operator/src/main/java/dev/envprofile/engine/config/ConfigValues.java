package dev.envprofile.engine.config;

import dev.envprofile.engine.facts.ConfigText;
import dev.envprofile.engine.facts.EnvEntry;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a workload's containers are configured with, as (origin, name, value) triples: the
 * effective environment, files mounted from ConfigMaps, command and args. Value checks read this.
 */
public final class ConfigValues {
  /**
   * @param name the variable name, or null for a file, command or args
   * @param origin for messages: "env DEBUG", "ConfigMap/app key DEBUG", "args"
   */
  public record Value(Container container, String name, String origin, String value) {}

  private ConfigValues() {}

  public static List<Value> of(Workload w, Facts facts) {
    return facts.configValues(w, () -> compute(w, facts));
  }

  private static List<Value> compute(Workload w, Facts facts) {
    List<Value> out = new ArrayList<>();
    for (Container c : w.allContainers()) {
      for (EnvEntry e : facts.env(c)) {
        if (e.value() != null && !e.fromSecret()) {
          out.add(new Value(c, e.name(), e.origin(), e.value()));
        }
      }
      for (ConfigText t : facts.texts(w, c)) {
        out.add(new Value(c, null, t.origin(), t.text()));
      }
    }
    return out;
  }

  /** Only the effective environment (Secrets left out: their values are not configuration to judge). */
  public static List<Value> env(Workload w, Facts facts) {
    return of(w, facts).stream().filter(v -> v.name() != null).toList();
  }
}
