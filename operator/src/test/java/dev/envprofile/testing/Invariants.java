package dev.envprofile.testing;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What "nothing is lost" means, computed independently of the engine: effective environments
 * with values resolved, mounts that resolve, claims still mounted, keys still readable.
 */
public final class Invariants {
  private Invariants() {}

  /** workload name -> container name -> variable -> value, with ConfigMap and Secret values resolved. */
  public static Map<String, Map<String, Map<String, String>>> environments(List<HasMetadata> objects) {
    Map<String, ConfigMap> cms = new LinkedHashMap<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof ConfigMap c) {
        cms.put(c.getMetadata().getName(), c);
      } else if (o instanceof Secret s) {
        secrets.put(s.getMetadata().getName(), s);
      }
    }
    Map<String, Map<String, Map<String, String>>> out = new TreeMap<>();
    for (Workload w : Workload.in(objects)) {
      Map<String, Map<String, String>> byContainer = new TreeMap<>();
      for (Container c : w.allContainers()) {
        byContainer.put(c.getName(), env(c, cms, secrets));
      }
      out.put(logicalName(w), byContainer);
    }
    return out;
  }

  /** A StatefulSet made from a Deployment is the same workload as far as nothing-lost goes. */
  public static String logicalName(Workload w) {
    String from = w.annotations().get("envprofile.dev/promoted-from");
    return from != null ? from.substring(from.indexOf('/') + 1) : w.name();
  }

  private static Map<String, String> env(Container c, Map<String, ConfigMap> cms, Map<String, Secret> secrets) {
    Map<String, String> env = new TreeMap<>();
    if (c.getEnvFrom() != null) {
      for (EnvFromSource f : c.getEnvFrom()) {
        String prefix = f.getPrefix() == null ? "" : f.getPrefix();
        if (f.getConfigMapRef() != null && cms.containsKey(f.getConfigMapRef().getName())) {
          data(cms.get(f.getConfigMapRef().getName())).forEach((k, v) -> env.put(prefix + k, v));
        } else if (f.getSecretRef() != null && secrets.containsKey(f.getSecretRef().getName())) {
          data(secrets.get(f.getSecretRef().getName())).forEach((k, v) -> env.put(prefix + k, v));
        }
      }
    }
    if (c.getEnv() != null) {
      for (EnvVar v : c.getEnv()) {
        String value;
        if (v.getValueFrom() == null) {
          value = v.getValue() == null ? "" : v.getValue();
        } else if (v.getValueFrom().getConfigMapKeyRef() != null) {
          var r = v.getValueFrom().getConfigMapKeyRef();
          value = cms.containsKey(r.getName()) ? data(cms.get(r.getName())).get(r.getKey()) : "<missing ConfigMap>";
        } else if (v.getValueFrom().getSecretKeyRef() != null) {
          var r = v.getValueFrom().getSecretKeyRef();
          value = secrets.containsKey(r.getName()) ? data(secrets.get(r.getName())).get(r.getKey()) : "<missing Secret>";
        } else {
          value = "<fieldRef>";
        }
        env.put(v.getName(), value);
      }
    }
    return env;
  }

  public static Map<String, String> data(ConfigMap cm) {
    return cm.getData() == null ? Map.of() : cm.getData();
  }

  public static Map<String, String> data(Secret s) {
    Map<String, String> out = new TreeMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (s.getStringData() != null) {
      out.putAll(s.getStringData());
    }
    return out;
  }

  /** Mounts whose volume is neither in the pod's volumes nor a volumeClaimTemplate: "workload/container/mount". */
  public static List<String> danglingMounts(List<HasMetadata> objects) {
    List<String> out = new ArrayList<>();
    for (Workload w : Workload.in(objects)) {
      Set<String> volumes = new TreeSet<>();
      PodSpec pod = w.pod();
      if (pod.getVolumes() != null) {
        pod.getVolumes().forEach(v -> volumes.add(v.getName()));
      }
      if (w.object() instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates() != null) {
        s.getSpec().getVolumeClaimTemplates().forEach(t -> volumes.add(t.getMetadata().getName()));
      }
      for (Container c : w.allContainers()) {
        if (c.getVolumeMounts() != null) {
          for (VolumeMount m : c.getVolumeMounts()) {
            if (!volumes.contains(m.getName())) {
              out.add(w.name() + "/" + c.getName() + "/" + m.getName());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Mounts of the input that the output no longer has at the same path, and mounts the output adds
   * at, above or below a path the input mounts in the same container (which would shadow it or be
   * shadowed): "workload/container path". Workloads are matched by {@link #logicalName}.
   */
  public static List<String> lostOrShadowedMounts(List<HasMetadata> input, List<HasMetadata> output) {
    Map<String, List<String>> before = mountPaths(input);
    Map<String, List<String>> after = mountPaths(output);
    List<String> out = new ArrayList<>();
    before.forEach((container, paths) -> {
      List<String> now = after.getOrDefault(container, List.of());
      for (String p : paths) {
        if (!now.contains(p)) {
          out.add(container + " " + p + " lost");
        }
      }
      for (String p : now) {
        if (paths.contains(p)) {
          continue;
        }
        for (String old : paths) {
          if (nested(p, old) || nested(old, p)) {
            out.add(container + " " + p + " shadows or hides " + old);
          }
        }
      }
    });
    return out;
  }

  private static boolean nested(String path, String dir) {
    String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    return path.equals(d) || path.startsWith(d.equals("/") ? "/" : d + "/");
  }

  private static Map<String, List<String>> mountPaths(List<HasMetadata> objects) {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (Workload w : Workload.in(objects)) {
      for (Container c : w.allContainers()) {
        List<String> paths = new ArrayList<>();
        if (c.getVolumeMounts() != null) {
          c.getVolumeMounts().forEach(m -> paths.add(m.getMountPath()));
        }
        out.putIfAbsent(logicalName(w) + "/" + c.getName(), paths);
      }
    }
    return out;
  }

  /** "workload claimName mountPath" for every mounted PVC. */
  public static Set<String> claimMounts(List<HasMetadata> objects) {
    Set<String> out = new TreeSet<>();
    for (Workload w : Workload.in(objects)) {
      List<Volume> volumes = w.pod().getVolumes() == null ? List.of() : w.pod().getVolumes();
      for (Volume v : volumes) {
        if (v.getPersistentVolumeClaim() == null) {
          continue;
        }
        for (Container c : w.allContainers()) {
          if (c.getVolumeMounts() != null) {
            c.getVolumeMounts().stream().filter(m -> m.getName().equals(v.getName())).forEach(m ->
                out.add(logicalName(w) + " " + v.getPersistentVolumeClaim().getClaimName() + " " + m.getMountPath()));
          }
        }
      }
    }
    return out;
  }

  /** kind/name of every object, with a StatefulSet promoted from a Deployment counted as that Deployment too. */
  public static Set<String> identities(List<HasMetadata> objects) {
    Set<String> out = new TreeSet<>();
    for (HasMetadata o : objects) {
      out.add(o.getKind() + "/" + o.getMetadata().getName());
      var a = o.getMetadata().getAnnotations();
      if (a != null && a.get("envprofile.dev/promoted-from") != null) {
        out.add(a.get("envprofile.dev/promoted-from"));
      }
      if (o instanceof PersistentVolumeClaim) {
        out.add("claim:" + o.getMetadata().getName());
      }
    }
    return out;
  }
}
