package dev.envprofile.engine.workload;

import dev.envprofile.engine.facts.EnvEntry;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profile's env overrides. A variable is overridden only in containers that already have it
 * (databases do not get an app's LOG_LEVEL); an explicit env entry wins over envFrom, so a value
 * that came from a ConfigMap is overridden without touching the ConfigMap. null removes a literal.
 */
public final class EnvOverrides {
  private EnvOverrides() {}

  /** @return the variables changed */
  public static List<String> apply(Container c, List<EnvEntry> effective, Map<String, String> overrides) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      EnvEntry current = effective.stream().filter(e -> e.name().equals(o.getKey())).findFirst().orElse(null);
      if (current == null) {
        continue;
      }
      EnvVar literal = c.getEnv() == null ? null
          : c.getEnv().stream().filter(v -> v.getName().equals(o.getKey())).findFirst().orElse(null);
      if (o.getValue() == null) {
        if (literal != null) {
          c.getEnv().remove(literal);
          changed.add(o.getKey());
        }
        continue;
      }
      if (literal != null && literal.getValueFrom() == null && o.getValue().equals(literal.getValue())) {
        continue;
      }
      if (literal != null) {
        literal.setValueFrom(null);
        literal.setValue(o.getValue());
      } else {
        if (c.getEnv() == null) {
          c.setEnv(new ArrayList<>());
        }
        c.getEnv().add(new EnvVar(o.getKey(), o.getValue(), null));
      }
      changed.add(o.getKey());
    }
    return changed;
  }
}
