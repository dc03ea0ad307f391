package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects that hold moved credentials: a Secret with the values, or an External Secrets
 * Operator ExternalSecret that fetches them from the store and copies none into the manifests.
 */
public final class SecretObjects {
  public static final String ES_API_VERSION = "external-secrets.io/v1";
  public static final String SOURCE = Labels.PREFIX + "source";

  private SecretObjects() {}

  /**
   * @param source "ConfigMap/api-env" or "Deployment/api": the object the values came from
   * @param sourceName {name} in the remote key template
   * @param values key to value (values are ignored for an ExternalSecret)
   */
  public static HasMetadata build(Settings settings, String name, String source, String sourceName,
                                  Map<String, String> values) {
    return settings.secrets().provider() == dev.envprofile.api.SecretsSpec.Provider.ExternalSecret
        ? externalSecret(settings, name, source, sourceName, values)
        : secret(settings.namespace(), name, source, values);
  }

  static Secret secret(String namespace, String name, String source, Map<String, String> values) {
    Map<String, String> data = new TreeMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(new LinkedHashMap<>(Map.of(Labels.MANAGED_BY, Labels.MANAGER)))
        .withAnnotations(new LinkedHashMap<>(Map.of(SOURCE, source))).endMetadata()
        .withType("Opaque").withData(data).build();
  }

  /**
   * Hosts that moved values name, per key ("DATABASE_URL=postgres:5432"): the values leave the
   * manifests, and network policies still need to know whom the consumers talk to. Only URLs and
   * host:port pairs of keys that are not named like credentials: never a password.
   */
  public static final String ENDPOINTS = Labels.PREFIX + "endpoints";

  static GenericKubernetesResource externalSecret(Settings settings, String name, String source, String sourceName,
                                                  Map<String, String> values) {
    java.util.Set<String> keys = values.keySet();
    CredentialNames names = new CredentialNames(settings.secrets().extraKeyPatterns());
    List<String> endpoints = new ArrayList<>();
    new TreeMap<>(values).forEach((k, v) -> {
      if (!names.matches(k) && v != null) {
        List<String> refs = dev.envprofile.engine.network.References.asStrings(
            dev.envprofile.engine.network.References.in(UserInfo.strip(v), false));
        if (!refs.isEmpty()) {
          endpoints.add(k + "=" + String.join(" ", refs));
        }
      }
    });
    Settings.ExternalStore store = settings.secrets().externalStore();
    List<Map<String, Object>> data = new ArrayList<>();
    for (String key : new java.util.TreeSet<>(keys)) {
      String remote = store.remoteKeyTemplate().replace("{namespace}", settings.namespace())
          .replace("{name}", sourceName).replace("{key}", key);
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("key", remote);
      if (!store.remoteKeyTemplate().contains("{key}")) {
        ref.put("property", key);
      }
      // Written out although they are the defaults: the API server fills them in, and a rendered
      // manifest that matches what the server stores diffs clean in Argo CD and Flux.
      ref.put("conversionStrategy", "Default");
      ref.put("decodingStrategy", "None");
      ref.put("metadataPolicy", "None");
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("secretKey", key);
      entry.put("remoteRef", ref);
      data.add(entry);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("refreshInterval", store.refreshInterval());
    Map<String, Object> storeRef = new LinkedHashMap<>();
    storeRef.put("kind", store.storeKind());
    storeRef.put("name", store.storeName());
    spec.put("secretStoreRef", storeRef);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", name);
    target.put("creationPolicy", "Owner");
    target.put("deletionPolicy", "Retain");
    spec.put("target", target);
    spec.put("data", data);
    GenericKubernetesResource es = new GenericKubernetesResource();
    es.setApiVersion(ES_API_VERSION);
    es.setKind("ExternalSecret");
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(settings.namespace());
    meta.setLabels(new LinkedHashMap<>(Map.of(Labels.MANAGED_BY, Labels.MANAGER)));
    Map<String, String> annotations = new LinkedHashMap<>();
    if (!endpoints.isEmpty()) {
      annotations.put(ENDPOINTS, String.join(", ", endpoints));
    }
    annotations.put(SOURCE, source);
    meta.setAnnotations(annotations);
    es.setMetadata(meta);
    es.setAdditionalProperty("spec", spec);
    return es;
  }

  /** The keys an ExternalSecret maps into its target Secret, for envFrom shadowing. */
  @SuppressWarnings("unchecked")
  public static List<String> externalSecretKeys(GenericKubernetesResource es) {
    List<String> out = new ArrayList<>();
    Object spec = es.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> m && m.get("data") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> e && e.get("secretKey") instanceof String k) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** Key to the hosts its value names, from an ExternalSecret's endpoints annotation. */
  public static Map<String, List<String>> endpoints(HasMetadata es) {
    Map<String, List<String>> out = new TreeMap<>();
    Map<String, String> a = es.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(ENDPOINTS);
    if (v == null) {
      return out;
    }
    for (String entry : v.split(",\\s*")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        out.put(entry.substring(0, eq).strip(), List.of(entry.substring(eq + 1).strip().split("\\s+")));
      }
    }
    return out;
  }

  /** The Secret an ExternalSecret writes. */
  public static String externalSecretTarget(GenericKubernetesResource es) {
    Object spec = es.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> m && m.get("target") instanceof Map<?, ?> t && t.get("name") instanceof String n) {
      return n;
    }
    return es.getMetadata().getName();
  }
}
