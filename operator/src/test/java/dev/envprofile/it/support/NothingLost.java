package dev.envprofile.it.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live namespace's promise, read from the API server: every reference a pod template makes
 * resolves (ConfigMap and Secret keys, envFrom sources, volumes, claims), and each container's
 * effective environment, resolved to values, is what it was before the operator ran, except the
 * variables the profile sets on purpose. Values are compared, never printed: a difference names
 * the workload, container and variable only.
 */
public final class NothingLost {
  /** Effective environment per "workload/container": variable to resolved value. */
  public record Snapshot(Map<String, Map<String, String>> env, Set<String> claims) {}

  private final KubernetesClient client;
  private final String ns;

  public NothingLost(KubernetesClient client, String ns) {
    this.client = client;
    this.ns = ns;
  }

  public Snapshot snapshot() {
    Map<String, Map<String, String>> env = new TreeMap<>();
    pods().forEach((workload, pod) -> {
      for (Container c : pod.getContainers()) {
        env.put(workload + "/" + c.getName(), effectiveEnv(c));
      }
    });
    Set<String> claims = new java.util.TreeSet<>();
    client.persistentVolumeClaims().inNamespace(ns).list().getItems().forEach(c -> claims.add(c.getMetadata().getName()));
    return new Snapshot(env, claims);
  }

  /** Like {@link #problems(Snapshot, Set)}, allowing the variables the profile sets on purpose. */
  public List<String> problems(Snapshot before, dev.envprofile.api.EnvironmentProfile profile) {
    var w = profile.getSpec().workloads;
    return problems(before, w == null || w.env == null ? Set.of() : w.env.keySet());
  }

  /** What is broken or lost now compared with {@code before}; empty when nothing is. */
  public List<String> problems(Snapshot before, Set<String> intendedChanges) {
    List<String> out = new ArrayList<>(unresolved());
    Snapshot now = snapshot();
    for (String claim : before.claims()) {
      if (!now.claims().contains(claim)) {
        out.add("PersistentVolumeClaim/" + claim + " is gone");
      }
    }
    before.env().forEach((container, vars) -> {
      Map<String, String> after = now.env().get(container);
      if (after == null) {
        out.add(container + " is gone");
        return;
      }
      vars.forEach((name, value) -> {
        if (!intendedChanges.contains(name) && !value.equals(after.get(name))) {
          out.add(container + " env " + name + (after.containsKey(name) ? " changed" : " is gone"));
        }
      });
    });
    return out;
  }

  /** References that do not resolve: what would keep a pod from starting. */
  public List<String> unresolved() {
    List<String> out = new ArrayList<>();
    pods().forEach((workload, pod) -> {
      for (Container c : pod.getContainers()) {
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
          var from = e.getValueFrom();
          if (from != null && from.getConfigMapKeyRef() != null && !Boolean.TRUE.equals(from.getConfigMapKeyRef().getOptional())
              && configMapValue(from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey()) == null) {
            out.add(workload + "/" + c.getName() + " env " + e.getName() + ": ConfigMap/" + from.getConfigMapKeyRef().getName()
                + " has no key " + from.getConfigMapKeyRef().getKey());
          }
          if (from != null && from.getSecretKeyRef() != null && !Boolean.TRUE.equals(from.getSecretKeyRef().getOptional())
              && secretValue(from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey()) == null) {
            out.add(workload + "/" + c.getName() + " env " + e.getName() + ": Secret/" + from.getSecretKeyRef().getName()
                + " has no key " + from.getSecretKeyRef().getKey());
          }
        }
        for (EnvFromSource f : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
          if (f.getConfigMapRef() != null && !Boolean.TRUE.equals(f.getConfigMapRef().getOptional())
              && configMap(f.getConfigMapRef().getName()) == null) {
            out.add(workload + "/" + c.getName() + " envFrom ConfigMap/" + f.getConfigMapRef().getName() + " is missing");
          }
          if (f.getSecretRef() != null && !Boolean.TRUE.equals(f.getSecretRef().getOptional())
              && secret(f.getSecretRef().getName()) == null) {
            out.add(workload + "/" + c.getName() + " envFrom Secret/" + f.getSecretRef().getName() + " is missing");
          }
        }
      }
      for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
        if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional()) && configMap(v.getConfigMap().getName()) == null) {
          out.add(workload + " volume " + v.getName() + ": ConfigMap/" + v.getConfigMap().getName() + " is missing");
        }
        if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional()) && secret(v.getSecret().getSecretName()) == null) {
          out.add(workload + " volume " + v.getName() + ": Secret/" + v.getSecret().getSecretName() + " is missing");
        }
        if (v.getPersistentVolumeClaim() != null
            && client.persistentVolumeClaims().inNamespace(ns).withName(v.getPersistentVolumeClaim().getClaimName()).get() == null) {
          out.add(workload + " volume " + v.getName() + ": claim " + v.getPersistentVolumeClaim().getClaimName() + " is missing");
        }
      }
    });
    return out;
  }

  /**
   * Pod templates by workload name. A Deployment replaced by its StatefulSet (scaled to 0) is
   * represented by the StatefulSet: that is where its pods run now.
   */
  private Map<String, PodSpec> pods() {
    Map<String, PodSpec> out = new TreeMap<>();
    for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
      out.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec());
    }
    for (StatefulSet s : client.apps().statefulSets().inNamespace(ns).list().getItems()) {
      out.put(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec());
    }
    for (CronJob j : client.batch().v1().cronjobs().inNamespace(ns).list().getItems()) {
      out.put(j.getMetadata().getName(), j.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
    }
    return out;
  }

  /** Variable name to value, as the kubelet would build it (envFrom first, then env; later wins). */
  private Map<String, String> effectiveEnv(Container c) {
    Map<String, String> env = new TreeMap<>();
    for (EnvFromSource f : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
      String prefix = f.getPrefix() == null ? "" : f.getPrefix();
      if (f.getConfigMapRef() != null) {
        ConfigMap cm = configMap(f.getConfigMapRef().getName());
        if (cm != null && cm.getData() != null) {
          cm.getData().forEach((k, v) -> env.put(prefix + k, v));
        }
      }
      if (f.getSecretRef() != null) {
        Secret s = secret(f.getSecretRef().getName());
        if (s != null && s.getData() != null) {
          s.getData().forEach((k, v) -> env.put(prefix + k, decode(v)));
        }
      }
    }
    for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
      var from = e.getValueFrom();
      String value = e.getValue();
      if (from != null && from.getConfigMapKeyRef() != null) {
        value = configMapValue(from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
      } else if (from != null && from.getSecretKeyRef() != null) {
        value = secretValue(from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
      } else if (from != null) {
        value = "<field " + from + ">";
      }
      env.put(e.getName(), value == null ? "<unresolved>" : value);
    }
    return env;
  }

  private ConfigMap configMap(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(ns).withName(name).get();
  }

  private String configMapValue(String name, String key) {
    ConfigMap cm = configMap(name);
    return cm == null || cm.getData() == null ? null : cm.getData().get(key);
  }

  private String secretValue(String name, String key) {
    Secret s = secret(name);
    return s == null || s.getData() == null || !s.getData().containsKey(key) ? null : decode(s.getData().get(key));
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }
}
