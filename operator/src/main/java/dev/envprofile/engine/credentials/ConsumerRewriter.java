package dev.envprofile.engine.credentials;

import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points a pod's consumers of a ConfigMap's credential keys at the Secret that now holds them,
 * keeping every variable and every file exactly as the container saw it.
 */
public final class ConsumerRewriter {
  private ConsumerRewriter() {}

  /**
   * @param configMapKeys every key of the ConfigMap, for volumes that expose all of them
   * @return whether anything changed
   */
  public static boolean pointAtSecret(PodSpec pod, String configMap, Set<String> credentialKeys,
                                      Set<String> configMapKeys, String secret) {
    boolean changed = false;
    for (Container c : ConfigMapReaders.containers(pod)) {
      changed |= rewriteEnv(c, configMap, credentialKeys, secret);
      changed |= rewriteEnvFrom(c, configMap, secret);
    }
    if (pod.getVolumes() != null) {
      for (Volume v : pod.getVolumes()) {
        changed |= rewriteVolume(v, configMap, credentialKeys, configMapKeys, secret);
      }
    }
    return changed;
  }

  /** A literal variable becomes a reference to {@code secret}'s {@code key}, at the same position. */
  public static void literalToSecret(EnvVar v, String secret, String key) {
    v.setValue(null);
    v.setValueFrom(new EnvVarSource(null, null, null, null, new SecretKeySelector(key, secret, null)));
  }

  private static boolean rewriteEnv(Container c, String configMap, Set<String> keys, String secret) {
    boolean changed = false;
    if (c.getEnv() == null) {
      return false;
    }
    for (EnvVar v : c.getEnv()) {
      var ref = v.getValueFrom() == null ? null : v.getValueFrom().getConfigMapKeyRef();
      if (ref != null && configMap.equals(ref.getName()) && keys.contains(ref.getKey())) {
        v.setValueFrom(new EnvVarSource(null, null, null, null,
            new SecretKeySelector(ref.getKey(), secret, ref.getOptional())));
        changed = true;
      }
    }
    return changed;
  }

  /** A Secret source right after the ConfigMap source: later sources win, so values stay the same. */
  private static boolean rewriteEnvFrom(Container c, String configMap, String secret) {
    List<EnvFromSource> from = c.getEnvFrom();
    if (from == null) {
      return false;
    }
    boolean changed = false;
    for (int i = 0; i < from.size(); i++) {
      EnvFromSource f = from.get(i);
      if (f.getConfigMapRef() == null || !configMap.equals(f.getConfigMapRef().getName())) {
        continue;
      }
      EnvFromSource next = i + 1 < from.size() ? from.get(i + 1) : null;
      if (next != null && next.getSecretRef() != null && secret.equals(next.getSecretRef().getName())
          && ConfigMapReaders.prefix(next).equals(ConfigMapReaders.prefix(f))) {
        continue;
      }
      from.add(i + 1, new EnvFromSource(null, f.getPrefix(), new SecretEnvSource(secret, f.getConfigMapRef().getOptional())));
      changed = true;
    }
    return changed;
  }

  private static boolean rewriteVolume(Volume v, String configMap, Set<String> credentialKeys, Set<String> cmKeys,
                                       String secret) {
    ConfigMapVolumeSource src = v.getConfigMap();
    if (src != null && configMap.equals(src.getName())) {
      List<KeyToPath> items = items(src.getItems(), cmKeys);
      List<KeyToPath> creds = items.stream().filter(i -> credentialKeys.contains(i.getKey())).toList();
      if (creds.isEmpty()) {
        return false;
      }
      List<KeyToPath> rest = items.stream().filter(i -> !credentialKeys.contains(i.getKey())).toList();
      v.setConfigMap(null);
      if (rest.isEmpty()) {
        v.setSecret(new SecretVolumeSource(src.getDefaultMode(), src.getItems(), src.getOptional(), secret));
      } else {
        List<VolumeProjection> sources = new ArrayList<>();
        sources.add(configMapSource(configMap, rest, src.getOptional()));
        sources.add(secretSource(secret, creds, src.getOptional()));
        v.setProjected(new ProjectedVolumeSource(src.getDefaultMode(), sources));
      }
      return true;
    }
    if (v.getProjected() == null || v.getProjected().getSources() == null) {
      return false;
    }
    boolean changed = false;
    List<VolumeProjection> out = new ArrayList<>();
    for (VolumeProjection p : v.getProjected().getSources()) {
      ConfigMapProjection cp = p.getConfigMap();
      if (cp == null || !configMap.equals(cp.getName())) {
        out.add(p);
        continue;
      }
      List<KeyToPath> items = items(cp.getItems(), cmKeys);
      List<KeyToPath> creds = items.stream().filter(i -> credentialKeys.contains(i.getKey())).toList();
      if (creds.isEmpty()) {
        out.add(p);
        continue;
      }
      List<KeyToPath> rest = items.stream().filter(i -> !credentialKeys.contains(i.getKey())).toList();
      if (!rest.isEmpty()) {
        out.add(configMapSource(configMap, rest, cp.getOptional()));
      }
      out.add(secretSource(secret, creds, cp.getOptional()));
      changed = true;
    }
    if (changed) {
      v.getProjected().setSources(out);
    }
    return changed;
  }

  /** The volume's items, or one item per key (same path as the key) when it exposes every key. */
  private static List<KeyToPath> items(List<KeyToPath> items, Set<String> keys) {
    if (items != null && !items.isEmpty()) {
      return items;
    }
    return keys.stream().sorted().map(k -> new KeyToPath(k, null, k)).toList();
  }

  private static VolumeProjection configMapSource(String name, List<KeyToPath> items, Boolean optional) {
    VolumeProjection p = new VolumeProjection();
    p.setConfigMap(new ConfigMapProjection(new ArrayList<>(items), name, optional));
    return p;
  }

  private static VolumeProjection secretSource(String name, List<KeyToPath> items, Boolean optional) {
    VolumeProjection p = new VolumeProjection();
    p.setSecret(new SecretProjection(new ArrayList<>(items), name, optional));
    return p;
  }

  /** Keys of a map, for callers holding ConfigMap data. */
  public static Set<String> keys(Map<String, String> data) {
    return data == null ? Set.of() : new java.util.TreeSet<>(data.keySet());
  }
}
