package dev.envprofile.engine.credentials;

import dev.envprofile.api.SecretsSpec.Provider;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.facts.EnvResolver;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Credentials in ConfigMaps and literal env values move into Secrets or ExternalSecrets; consumers
 * read them there. Keys leave a ConfigMap last, and only once nothing reads them there.
 */
public final class CredentialRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    if (!ws.settings().secrets().migrate()) {
      return;
    }
    moveConfigMapKeys(ws);
    ws.refresh();
    moveLiterals(ws);
    ws.refresh();
    if (ws.settings().secrets().scrubConfigMaps()) {
      scrub(ws);
    }
  }

  /** Name of the Secret that holds a ConfigMap's credentials. */
  public static String secretFor(String configMap) {
    return Names.fit(configMap, "-secret", Names.DNS_SUBDOMAIN);
  }

  /** Name of the Secret that holds a workload's literal credentials. */
  public static String secretForWorkload(String workload) {
    return Names.fit(workload, "-credentials", Names.DNS_SUBDOMAIN);
  }

  private static void moveConfigMapKeys(WorkingSet ws) {
    Inventory inv = ws.inventory();
    CredentialFacts cf = ws.facts().credentials();
    // Keys an earlier promotion moved out of a ConfigMap: in a cluster the source of a StatefulSet
    // (its Deployment) may still read them from the ConfigMap, so it must be pointed at the Secret again.
    Map<String, Map<String, String>> moved = movedKeys(inv);
    Set<String> names = new TreeSet<>(cf.configMapKeys().keySet());
    names.addAll(moved.keySet());
    for (String name : names) {
      ConfigMap cm = inv.configMap(name);
      if (cm == null || Labels.isIgnored(cm) || Labels.isManaged(cm)) {
        continue;
      }
      Map<String, String> values = new TreeMap<>();
      cf.credentialKeys(name).keySet().forEach(k -> values.put(k, EnvResolver.data(cm).get(k)));
      moved.getOrDefault(name, Map.of()).forEach((k, v) -> {
        if (!EnvResolver.data(cm).containsKey(k)) {
          values.putIfAbsent(k, v);
        }
      });
      Set<String> keys = new TreeSet<>(values.keySet());
      if (keys.isEmpty()) {
        continue;
      }
      List<Workload> consumers = new ArrayList<>();
      for (Workload w : ws.facts().configMapConsumers(name)) {
        if (inv.isSelected(w) && keys.stream().anyMatch(k -> ConfigMapReaders.reads(w.pod(), name, k, n -> Set.of()))) {
          consumers.add(w);
        }
      }
      if (consumers.isEmpty()) {
        continue; // nothing we manage reads it: someone outside the manifests might, so leave it
      }
      String secret = secretFor(name);
      if (cf.credentialKeys(name).isEmpty() && inv.secret(secret) == null && !hasExternalSecret(inv, secret)) {
        continue;
      }
      if (!cf.credentialKeys(name).isEmpty()) {
        Map<String, String> all = new TreeMap<>(values);
        moved.getOrDefault(name, Map.of()).forEach(all::putIfAbsent);
        HasMetadata holder = SecretObjects.build(ws.settings(), secret, "ConfigMap/" + name, name, all);
        if (!ws.generate(holder, generatedReason(ws), kindOf(ws) + " " + secret + " holds " + all.size()
            + " credential key(s) of ConfigMap/" + name + ": " + String.join(", ", all.keySet()))) {
          continue;
        }
      }
      Set<String> cmKeys = new TreeSet<>(ConsumerRewriter.keys(cm.getData()));
      cmKeys.addAll(keys);
      for (Workload w : consumers) {
        if (ConsumerRewriter.pointAtSecret(w.pod(), name, keys, cmKeys, secret)) {
          ws.recordRewrite(w.object(), "CredentialsMoved", w + " reads " + String.join(", ", keys)
              + " of ConfigMap/" + name + " from Secret " + secret);
        }
      }
    }
  }

  /** ConfigMap name to the keys (and, for Secrets, values) its managed holder keeps. */
  private static Map<String, Map<String, String>> movedKeys(Inventory inv) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Secret s : inv.secrets()) {
      String source = sourceOf(s);
      if (Labels.isManaged(s) && source != null) {
        out.computeIfAbsent(source, k -> new TreeMap<>()).putAll(EnvResolver.secretData(s));
      }
    }
    for (HasMetadata o : inv.objects()) {
      if (o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind()) && Labels.isManaged(g)
          && sourceOf(g) != null) {
        Map<String, String> keys = out.computeIfAbsent(sourceOf(g), k -> new TreeMap<>());
        SecretObjects.externalSecretKeys(g).forEach(k -> keys.putIfAbsent(k, ""));
      }
    }
    return out;
  }

  private static String sourceOf(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    String source = a == null ? null : a.get(SecretObjects.SOURCE);
    return source != null && source.startsWith("ConfigMap/") ? source.substring("ConfigMap/".length()) : null;
  }

  private static boolean hasExternalSecret(Inventory inv, String name) {
    return inv.get("ExternalSecret", name) != null;
  }

  private static void moveLiterals(WorkingSet ws) {
    CredentialFacts cf = ws.facts().credentials();
    for (Workload w : ws.inventory().workloads()) {
      List<CredentialFacts.Literal> literals = lastOfEachName(
          cf.literals(w).stream().filter(CredentialFacts.Literal::movable).toList());
      if (literals.isEmpty()) {
        continue;
      }
      // One key per variable; the container's name disambiguates a variable two containers set differently.
      Map<String, String> seen = new LinkedHashMap<>();
      Map<CredentialFacts.Literal, String> keyOf = new LinkedHashMap<>();
      for (CredentialFacts.Literal l : literals) {
        String key = l.name();
        if (seen.containsKey(key) && !seen.get(key).equals(l.value())) {
          key = l.container().getName() + "." + l.name();
        }
        seen.putIfAbsent(key, l.value());
        keyOf.put(l, key);
      }
      String secret = secretForWorkload(w.name());
      Map<String, String> values = new TreeMap<>(seen);
      HasMetadata holder = SecretObjects.build(ws.settings(), secret, w.kind() + "/" + w.name(), w.name(), values);
      if (!ws.generate(holder, generatedReason(ws), kindOf(ws) + " " + secret + " holds the literal credentials of "
          + w + ": " + String.join(", ", values.keySet()))) {
        continue;
      }
      keyOf.forEach((l, key) -> l.container().getEnv().stream()
          .filter(v -> v.getName().equals(l.name()) && v.getValueFrom() == null)
          .forEach(v -> ConsumerRewriter.literalToSecret(v, secret, key)));
      ws.recordRewrite(w.object(), "CredentialsMoved", w + " reads " + String.join(", ", values.keySet())
          + " from Secret " + secret + " instead of literal env values");
    }
  }

  /**
   * One literal per container and variable: the last, because the kubelet keeps the last of
   * duplicate names. Every entry of that name then reads the key holding that value, so the
   * container's effective environment is unchanged.
   */
  private static List<CredentialFacts.Literal> lastOfEachName(List<CredentialFacts.Literal> literals) {
    Map<io.fabric8.kubernetes.api.model.Container, Map<String, CredentialFacts.Literal>> byContainer =
        new java.util.IdentityHashMap<>();
    List<io.fabric8.kubernetes.api.model.Container> order = new ArrayList<>();
    for (CredentialFacts.Literal l : literals) {
      byContainer.computeIfAbsent(l.container(), c -> {
        order.add(c);
        return new LinkedHashMap<>();
      }).put(l.name(), l);
    }
    List<CredentialFacts.Literal> out = new ArrayList<>();
    order.forEach(c -> out.addAll(byContainer.get(c).values()));
    return out;
  }

  /** Removes migrated keys that nothing reads from the ConfigMap any more. */
  private static void scrub(WorkingSet ws) {
    Inventory inv = ws.inventory();
    CredentialFacts cf = ws.facts().credentials();
    Map<String, Set<String>> holderKeys = holderKeys(inv);
    for (Map.Entry<String, Map<String, CredentialFacts.Why>> e : cf.configMapKeys().entrySet()) {
      ConfigMap cm = inv.configMap(e.getKey());
      if (cm == null || Labels.isIgnored(cm) || Labels.isManaged(cm)) {
        continue;
      }
      String name = cm.getMetadata().getName();
      Set<String> held = holderKeys.getOrDefault(secretFor(name), Set.of());
      List<String> removed = new ArrayList<>();
      for (String key : e.getValue().keySet()) {
        if (held.contains(key) && !readByAnyone(inv, ws.facts().configMapConsumers(name), name, key, holderKeys)) {
          removed.add(key);
        }
      }
      if (!removed.isEmpty()) {
        removed.forEach(cm.getData()::remove);
        ws.recordRewrite(cm, "ConfigMapScrubbed", "ConfigMap/" + name + " no longer holds " + String.join(", ", removed)
            + ": every consumer reads them from " + secretFor(name));
      }
    }
  }

  private static boolean readByAnyone(Inventory inv, List<Workload> consumers, String cm, String key,
                                      Map<String, Set<String>> holderKeys) {
    for (Workload w : consumers) {
      if (ConfigMapReaders.reads(w.pod(), cm, key, n -> holderKeys.getOrDefault(n, Set.of()))) {
        return true;
      }
    }
    for (Pod p : inv.all(Pod.class)) {
      PodSpec spec = p.getSpec();
      if (spec != null && ConfigMapReaders.reads(spec, cm, key, n -> holderKeys.getOrDefault(n, Set.of()))) {
        return true;
      }
    }
    return false;
  }

  /** Secret name to the keys it holds (or will hold, for an ExternalSecret's target), for managed holders. */
  private static Map<String, Set<String>> holderKeys(Inventory inv) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Secret s : inv.secrets()) {
      if (!Labels.isManaged(s)) {
        continue; // a Secret we did not write is no proof that a value is safe elsewhere
      }
      out.put(s.getMetadata().getName(), new TreeSet<>(EnvResolver.secretData(s).keySet()));
    }
    for (HasMetadata o : inv.objects()) {
      if (o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind()) && Labels.isManaged(g)) {
        out.computeIfAbsent(SecretObjects.externalSecretTarget(g), k -> new TreeSet<>())
            .addAll(SecretObjects.externalSecretKeys(g));
      }
    }
    return out;
  }

  private static String generatedReason(WorkingSet ws) {
    return ws.settings().secrets().provider() == Provider.ExternalSecret ? "ExternalSecretGenerated" : "SecretGenerated";
  }

  private static String kindOf(WorkingSet ws) {
    return ws.settings().secrets().provider() == Provider.ExternalSecret ? "ExternalSecret" : "Secret";
  }
}
