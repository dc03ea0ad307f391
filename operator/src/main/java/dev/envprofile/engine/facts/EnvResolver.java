package dev.envprofile.engine.facts;

import dev.envprofile.engine.inventory.Inventory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Resolves what a container sees: its effective environment and the config files mounted into it. */
public final class EnvResolver {
  private EnvResolver() {}

  /**
   * The effective environment, as the kubelet builds it: envFrom sources in order (later ones win),
   * then env entries (which win over envFrom). One entry per variable name.
   */
  public static List<EnvEntry> effectiveEnv(Container c, Inventory inv) {
    Map<String, EnvEntry> env = new LinkedHashMap<>();
    if (c.getEnvFrom() != null) {
      for (EnvFromSource f : c.getEnvFrom()) {
        String prefix = f.getPrefix() == null ? "" : f.getPrefix();
        if (f.getConfigMapRef() != null) {
          ConfigMap cm = inv.configMap(f.getConfigMapRef().getName());
          if (cm != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(data(cm)).entrySet()) {
              env.put(prefix + e.getKey(), new EnvEntry(prefix + e.getKey(), EnvEntry.Source.CONFIGMAP_ENVFROM,
                  cm.getMetadata().getName(), e.getKey(), e.getValue()));
            }
          }
        } else if (f.getSecretRef() != null) {
          Secret s = inv.secret(f.getSecretRef().getName());
          if (s != null) {
            for (Map.Entry<String, String> e : new TreeMap<>(secretData(s)).entrySet()) {
              env.put(prefix + e.getKey(), new EnvEntry(prefix + e.getKey(), EnvEntry.Source.SECRET_ENVFROM,
                  s.getMetadata().getName(), e.getKey(), e.getValue()));
            }
          }
        }
      }
    }
    if (c.getEnv() != null) {
      for (EnvVar v : c.getEnv()) {
        env.remove(v.getName());
        env.put(v.getName(), entry(v, inv));
      }
    }
    return new ArrayList<>(env.values());
  }

  private static EnvEntry entry(EnvVar v, Inventory inv) {
    if (v.getValueFrom() == null) {
      return new EnvEntry(v.getName(), EnvEntry.Source.LITERAL, null, null, v.getValue() == null ? "" : v.getValue());
    }
    var ref = v.getValueFrom().getConfigMapKeyRef();
    if (ref != null) {
      ConfigMap cm = inv.configMap(ref.getName());
      String value = cm == null ? null : data(cm).get(ref.getKey());
      return new EnvEntry(v.getName(), EnvEntry.Source.CONFIGMAP_KEY, ref.getName(), ref.getKey(), value);
    }
    var sref = v.getValueFrom().getSecretKeyRef();
    if (sref != null) {
      Secret s = inv.secret(sref.getName());
      String value = s == null ? null : secretData(s).get(sref.getKey());
      return new EnvEntry(v.getName(), EnvEntry.Source.SECRET_KEY, sref.getName(), sref.getKey(), value);
    }
    return new EnvEntry(v.getName(), EnvEntry.Source.OTHER, null, null, null);
  }

  /** The pod's volumes the container mounts, once per mount (as the kubelet resolves them, by name). */
  public static List<Volume> mountedVolumes(Container c, PodSpec pod) {
    List<Volume> out = new ArrayList<>();
    if (c.getVolumeMounts() == null || pod.getVolumes() == null) {
      return out;
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      for (Volume v : pod.getVolumes()) {
        if (v.getName().equals(m.getName())) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Files mounted from ConfigMaps (plain and projected volumes), plus command and args. */
  public static List<ConfigText> configTexts(Container c, PodSpec pod, Inventory inv) {
    List<ConfigText> out = new ArrayList<>();
    if (c.getCommand() != null && !c.getCommand().isEmpty()) {
      out.add(new ConfigText("command", String.join(" ", c.getCommand())));
    }
    if (c.getArgs() != null && !c.getArgs().isEmpty()) {
      out.add(new ConfigText("args", String.join(" ", c.getArgs())));
    }
    for (Volume v : mountedVolumes(c, pod)) {
      if (v.getConfigMap() != null) {
        addFiles(out, inv.configMap(v.getConfigMap().getName()));
      } else if (v.getProjected() != null && v.getProjected().getSources() != null) {
        for (VolumeProjection p : v.getProjected().getSources()) {
          ConfigMapProjection cp = p.getConfigMap();
          if (cp != null) {
            addFiles(out, inv.configMap(cp.getName()));
          }
        }
      }
    }
    return out;
  }

  private static void addFiles(List<ConfigText> out, ConfigMap cm) {
    if (cm == null) {
      return;
    }
    new TreeMap<>(data(cm)).forEach((k, v) ->
        out.add(new ConfigText("ConfigMap/" + cm.getMetadata().getName() + " file " + k, v)));
  }

  public static Map<String, String> data(ConfigMap cm) {
    return cm.getData() == null ? Map.of() : cm.getData();
  }

  /** A Secret's values, decoded: data is base64, stringData is plain and wins. */
  public static Map<String, String> secretData(Secret s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> out.put(k, decode(v)));
    }
    if (s.getStringData() != null) {
      out.putAll(s.getStringData());
    }
    return out;
  }

  private static String decode(String b64) {
    if (b64 == null) {
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
