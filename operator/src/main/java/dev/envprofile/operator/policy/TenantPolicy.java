package dev.envprofile.operator.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envprofile.engine.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * What the platform team lets a profile name (issue 14, item 4): secret stores and the remote-key
 * prefix, cert-manager issuers, storage classes, egress CIDRs and peer namespaces. Set in the
 * chart's values (rendered into a ConfigMap mounted into the pod), never by a tenant. A name
 * matches an entry that equals it, or the entry {@code "*"}. The defaults are the chart's defaults:
 * only SecretStores of the profile's own namespace, remote keys under "{namespace}/", the
 * ClusterIssuer letsencrypt-prod or an Issuer of the namespace, the cluster's default storage
 * class, no egress CIDR, and the ingress-nginx and monitoring namespaces as peers.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TenantPolicy(
    @JsonProperty("secretStores") List<StoreRule> secretStores,
    @JsonProperty("remoteKeyPrefix") String remoteKeyPrefix,
    @JsonProperty("clusterIssuers") List<String> clusterIssuers,
    @JsonProperty("namespacedIssuers") Boolean namespacedIssuers,
    @JsonProperty("storageClasses") List<String> storageClasses,
    @JsonProperty("egressCIDRs") List<String> egressCIDRs,
    @JsonProperty("peerNamespaces") List<String> peerNamespaces) {

  public static final TenantPolicy DEFAULT = new TenantPolicy(List.of(new StoreRule("SecretStore", "*")),
      "{namespace}/", List.of("letsencrypt-prod"), true, List.of(), List.of(), List.of("ingress-nginx", "monitoring"));

  /** A store a profile may name: kind SecretStore (always the profile's own namespace) or ClusterSecretStore. */
  public record StoreRule(@JsonProperty("kind") String kind, @JsonProperty("name") String name) {
    @Override
    public String toString() {
      return kind + "/" + name;
    }
  }

  /** Absent fields take the defaults; a malformed document or CIDR is an {@link IllegalArgumentException}. */
  public TenantPolicy {
    secretStores = secretStores == null ? List.of(new StoreRule("SecretStore", "*")) : List.copyOf(secretStores);
    remoteKeyPrefix = remoteKeyPrefix == null ? "{namespace}/" : remoteKeyPrefix;
    clusterIssuers = clusterIssuers == null ? List.of("letsencrypt-prod") : List.copyOf(clusterIssuers);
    namespacedIssuers = namespacedIssuers == null || namespacedIssuers;
    storageClasses = storageClasses == null ? List.of() : List.copyOf(storageClasses);
    egressCIDRs = egressCIDRs == null ? List.of() : List.copyOf(egressCIDRs);
    peerNamespaces = peerNamespaces == null ? List.of("ingress-nginx", "monitoring") : List.copyOf(peerNamespaces);
    for (StoreRule r : secretStores) {
      if (r == null || !("SecretStore".equals(r.kind()) || "ClusterSecretStore".equals(r.kind())) || r.name() == null
          || r.name().isBlank()) {
        throw new IllegalArgumentException("secretStores: each entry needs kind SecretStore or ClusterSecretStore and a name");
      }
    }
    for (String c : egressCIDRs) {
      Cidr.parse(c); // refuses a malformed entry now, not at the first profile
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Parses the policy document (YAML); an empty document is the default policy. */
  public static TenantPolicy parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      return DEFAULT;
    }
    try {
      TenantPolicy p = YAML.readValue(yaml, TenantPolicy.class);
      return p == null ? DEFAULT : p;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid policy: " + e.getOriginalMessage());
    }
  }

  /**
   * What a profile's resolved settings name outside this policy, one line per field with what is
   * allowed; empty when the profile is inside it. Checked whatever the mode: a refused profile
   * writes nothing but its status.
   */
  public List<String> violations(Settings s) {
    List<String> out = new ArrayList<>();
    String ns = s.namespace();
    Settings.ExternalStore store = s.secrets().externalStore();
    if (store != null) {
      boolean allowed = secretStores.stream().anyMatch(r -> r.kind().equals(store.storeKind()) && matches(r.name(), store.storeName()));
      if (!allowed) {
        out.add("spec.secrets.externalSecret.secretStoreRef: " + store.storeKind() + "/" + store.storeName()
            + " is not allowed (allowed: " + describeStores() + ")");
      }
      String prefix = remoteKeyPrefix.replace("{namespace}", ns);
      String template = store.remoteKeyTemplate().replace("{namespace}", ns);
      int placeholder = template.indexOf('{');
      String head = placeholder < 0 ? template : template.substring(0, placeholder);
      if (!head.startsWith(prefix) || hasDotSegment(template)) {
        out.add("spec.secrets.externalSecret.remoteKeyTemplate: '" + store.remoteKeyTemplate() + "' must start with '"
            + remoteKeyPrefix + "' (here '" + prefix + "') before any {name} or {key}, without '..' segments");
      }
    }
    Settings.Tls tls = s.tls();
    if (tls.enabled() && tls.clusterIssuer() != null && !anyMatches(clusterIssuers, tls.clusterIssuer())) {
      out.add("spec.tls.clusterIssuer: '" + tls.clusterIssuer() + "' is not allowed (allowed: "
          + describe(clusterIssuers) + (namespacedIssuers ? ", or an Issuer of the namespace" : "") + ")");
    }
    if (tls.enabled() && tls.issuer() != null && !namespacedIssuers) {
      out.add("spec.tls.issuer: namespaced Issuers are not allowed (allowed ClusterIssuers: " + describe(clusterIssuers) + ")");
    }
    String storageClass = s.storage().storageClassName();
    if (!storageClass.isEmpty() && !anyMatches(storageClasses, storageClass)) {
      out.add("spec.storage.storageClassName: '" + storageClass + "' is not allowed (allowed: "
          + (storageClasses.isEmpty() ? "none: leave it empty for the cluster's default class" : describe(storageClasses)) + ")");
    }
    for (String c : s.network().egressCIDRs()) {
      Cidr cidr = Cidr.parse(c);
      if (egressCIDRs.stream().map(Cidr::parse).noneMatch(a -> a.contains(cidr))) {
        out.add("spec.network.egressCIDRs: '" + c + "' is not allowed (allowed: "
            + (egressCIDRs.isEmpty() ? "none" : "within " + String.join(", ", egressCIDRs)) + ")");
      }
    }
    checkPeer(out, "spec.network.ingressControllerNamespace", s.network().ingressControllerNamespace());
    checkPeer(out, "spec.network.monitoringNamespace", s.network().monitoringNamespace());
    return out;
  }

  private void checkPeer(List<String> out, String field, String ns) {
    if (!anyMatches(peerNamespaces, ns)) {
      out.add(field + ": '" + ns + "' is not allowed (allowed: " + describe(peerNamespaces) + ")");
    }
  }

  private static boolean hasDotSegment(String key) {
    for (String segment : key.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return true;
      }
    }
    return key.contains("//");
  }

  private String describeStores() {
    return String.join(", ", secretStores.stream().map(r -> r.kind() + "/" + r.name()
        + ("SecretStore".equals(r.kind()) ? " in the profile's namespace" : "")).toList());
  }

  private static boolean anyMatches(List<String> allowed, String value) {
    return allowed.stream().anyMatch(a -> matches(a, value));
  }

  private static boolean matches(String allowed, String value) {
    return "*".equals(allowed) || allowed.equals(value);
  }

  private static String describe(List<String> allowed) {
    return allowed.isEmpty() ? "none" : String.join(", ", allowed);
  }
}
