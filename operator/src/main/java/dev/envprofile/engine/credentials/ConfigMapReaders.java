package dev.envprofile.engine.credentials;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Whether a pod still reads a ConfigMap key from the ConfigMap: the rule that decides when a key may
 * leave it. An envFrom source whose key a later envFrom source (same prefix) or an env entry
 * overrides does not count: the kubelet lets later sources win.
 */
public final class ConfigMapReaders {
  private ConfigMapReaders() {}

  /**
   * @param secretKeys the keys a Secret of the namespace holds, by name (for envFrom shadowing);
   *     generated Secrets that only an ExternalSecret will create count with the keys it maps
   */
  public static boolean reads(PodSpec pod, String configMap, String key, Function<String, Set<String>> secretKeys) {
    for (Container c : containers(pod)) {
      if (readsInEnv(c, configMap, key, secretKeys)) {
        return true;
      }
    }
    if (pod.getVolumes() != null) {
      for (Volume v : pod.getVolumes()) {
        if (v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName())
            && exposes(v.getConfigMap().getItems(), key)) {
          return true;
        }
        if (v.getProjected() != null && v.getProjected().getSources() != null) {
          for (VolumeProjection p : v.getProjected().getSources()) {
            if (p.getConfigMap() != null && configMap.equals(p.getConfigMap().getName())
                && exposes(p.getConfigMap().getItems(), key)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Whether a volume with these items (null or empty: every key) exposes the key. */
  public static boolean exposes(List<KeyToPath> items, String key) {
    return items == null || items.isEmpty() || items.stream().anyMatch(i -> key.equals(i.getKey()));
  }

  private static boolean readsInEnv(Container c, String configMap, String key, Function<String, Set<String>> secretKeys) {
    if (c.getEnv() != null) {
      for (EnvVar v : c.getEnv()) {
        var ref = v.getValueFrom() == null ? null : v.getValueFrom().getConfigMapKeyRef();
        if (ref != null && configMap.equals(ref.getName()) && key.equals(ref.getKey())) {
          return true;
        }
      }
    }
    List<EnvFromSource> from = c.getEnvFrom();
    if (from == null) {
      return false;
    }
    for (int i = 0; i < from.size(); i++) {
      EnvFromSource f = from.get(i);
      if (f.getConfigMapRef() != null && configMap.equals(f.getConfigMapRef().getName())
          && !shadowed(c, from, i, prefix(f) + key, key, secretKeys)) {
        return true;
      }
    }
    return false;
  }

  private static boolean shadowed(Container c, List<EnvFromSource> from, int index, String variable, String key,
                                  Function<String, Set<String>> secretKeys) {
    if (c.getEnv() != null && c.getEnv().stream().anyMatch(v -> variable.equals(v.getName()))) {
      return true;
    }
    for (int j = index + 1; j < from.size(); j++) {
      EnvFromSource later = from.get(j);
      if (later.getSecretRef() != null && prefix(later).equals(prefix(from.get(index)))
          && secretKeys.apply(later.getSecretRef().getName()).contains(key)) {
        return true;
      }
    }
    return false;
  }

  static String prefix(EnvFromSource f) {
    return f.getPrefix() == null ? "" : f.getPrefix();
  }

  static List<Container> containers(PodSpec pod) {
    return Stream.concat(
        pod.getInitContainers() == null ? Stream.<Container>empty() : pod.getInitContainers().stream(),
        pod.getContainers() == null ? Stream.<Container>empty() : pod.getContainers().stream()).toList();
  }
}
