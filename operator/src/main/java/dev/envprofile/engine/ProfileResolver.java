package dev.envprofile.engine;

import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfileSpec;
import dev.envprofile.api.ExternalSecretSpec;
import dev.envprofile.api.ImagesSpec;
import dev.envprofile.api.Mode;
import dev.envprofile.api.NetworkSpec;
import dev.envprofile.api.SecretsSpec;
import dev.envprofile.api.StorageSpec;
import dev.envprofile.api.Tier;
import dev.envprofile.api.TlsSpec;
import dev.envprofile.api.WorkloadsSpec;
import dev.envprofile.api.WorkloadsSpec.PodSecurity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Fills a spec with its tier's defaults (docs/rewrites.md, "Tier defaults") and rejects what the CRD cannot. */
public final class ProfileResolver {
  private static final Pattern QUANTITY = Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$");
  private static final Pattern CIDR = Pattern.compile(
      "^(([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])|[0-9a-fA-F:]+/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8]))$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern ENV_NAME = Pattern.compile("^[-._a-zA-Z][-._a-zA-Z0-9]*$");

  private ProfileResolver() {}

  public static Settings resolve(String namespace, EnvironmentProfileSpec spec) {
    return resolve(namespace, spec, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** {@code today}: the date (UTC) acceptances expire against. */
  public static Settings resolve(String namespace, EnvironmentProfileSpec spec, java.time.LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (spec == null || spec.tier == null) {
      throw new InvalidProfileException(List.of("spec.tier: required (local, staging or production)"));
    }
    Tier tier = spec.tier;
    boolean above = tier != Tier.LOCAL;
    boolean prod = tier == Tier.PRODUCTION;
    int target = spec.parityTarget != null ? spec.parityTarget : switch (tier) {
      case LOCAL -> 0;
      case STAGING -> 80;
      case PRODUCTION -> 95;
    };
    if (target < 0 || target > 100) {
      problems.add("spec.parityTarget: must be between 0 and 100");
    }

    StorageSpec st = spec.storage != null ? spec.storage : new StorageSpec();
    String size = or(st.size, "10Gi");
    if (!QUANTITY.matcher(size).matches()) {
      problems.add("spec.storage.size: '" + size + "' is not a quantity such as 10Gi");
    }
    List<String> modes = st.accessModes == null || st.accessModes.isEmpty()
        ? List.of("ReadWriteOnce") : st.accessModes.stream().map(Enum::name).toList();
    Settings.Storage storage = new Settings.Storage(or(st.convertEmptyDir, above), or(st.storageClassName, ""), size, modes);

    Settings.Secrets secrets = secrets(spec.secrets, above, problems);
    Settings.Network network = network(spec.network, above, problems);

    TlsSpec tl = spec.tls != null ? spec.tls : new TlsSpec();
    if (tl.clusterIssuer != null && tl.issuer != null) {
      problems.add("spec.tls: set clusterIssuer or issuer, not both");
    }
    Settings.Tls tls = new Settings.Tls(above, tl.issuer == null ? or(tl.clusterIssuer, "letsencrypt-prod") : null, tl.issuer);

    Settings.Workloads workloads = workloads(spec.workloads, tier, problems);
    Settings.Workloads production = prod ? workloads : workloads(null, Tier.PRODUCTION, new ArrayList<>());

    List<Settings.RegistryRewrite> rewrites = new ArrayList<>();
    ImagesSpec im = spec.images;
    if (im != null && im.registryRewrites != null) {
      for (int i = 0; i < im.registryRewrites.size(); i++) {
        ImagesSpec.RegistryRewrite r = im.registryRewrites.get(i);
        if (r == null || blank(r.from) || blank(r.to)) {
          problems.add("spec.images.registryRewrites[" + i + "]: from and to are required");
        } else {
          rewrites.add(new Settings.RegistryRewrite(trimSlash(r.from), trimSlash(r.to)));
        }
      }
    }
    List<Settings.Accept> accepted = AcceptedFindings.resolve(spec.acceptedFindings, problems);
    if (!problems.isEmpty()) {
      throw new InvalidProfileException(problems);
    }
    return new Settings(namespace, tier, or(spec.mode, Mode.Enforce), target,
        spec.selector != null ? spec.selector : new LabelSelector(),
        or(spec.deletionPolicy, DeletionPolicy.Retain), storage, secrets, network, tls, workloads,
        List.copyOf(rewrites), production, accepted, today);
  }

  private static Settings.Secrets secrets(SecretsSpec s, boolean above, List<String> problems) {
    SecretsSpec sp = s != null ? s : new SecretsSpec();
    // RE2/J, not java.util.regex: the patterns are the profile author's and run on every key name
    // of the namespace; RE2/J matches in linear time (no backreferences, no lookaround).
    List<com.google.re2j.Pattern> extra = new ArrayList<>();
    if (sp.extraKeyPatterns != null) {
      for (int i = 0; i < sp.extraKeyPatterns.size(); i++) {
        String p = sp.extraKeyPatterns.get(i);
        try {
          extra.add(com.google.re2j.Pattern.compile(Objects.requireNonNull(p), com.google.re2j.Pattern.CASE_INSENSITIVE));
        } catch (com.google.re2j.PatternSyntaxException | NullPointerException e) {
          problems.add("spec.secrets.extraKeyPatterns[" + i + "]: not a valid regular expression (RE2 syntax)");
        }
      }
    }
    SecretsSpec.Provider provider = or(sp.provider, SecretsSpec.Provider.Secret);
    Settings.ExternalStore store = null;
    if (provider == SecretsSpec.Provider.ExternalSecret) {
      ExternalSecretSpec es = sp.externalSecret;
      if (es == null || es.secretStoreRef == null || blank(es.secretStoreRef.name)) {
        problems.add("spec.secrets.externalSecret.secretStoreRef.name: required when provider is ExternalSecret");
      } else {
        String template = or(es.remoteKeyTemplate, "{namespace}/{name}");
        if (template.replaceAll("\\{(namespace|name|key)}", "").contains("{")) {
          problems.add("spec.secrets.externalSecret.remoteKeyTemplate: only {namespace}, {name} and {key} may be used");
        }
        store = new Settings.ExternalStore(
            es.secretStoreRef.kind == null ? "SecretStore" : es.secretStoreRef.kind.name(),
            es.secretStoreRef.name, template, or(es.refreshInterval, "1h"));
      }
    }
    return new Settings.Secrets(above, provider, or(sp.scrubConfigMaps, true), store, List.copyOf(extra));
  }

  private static Settings.Network network(NetworkSpec n, boolean above, List<String> problems) {
    NetworkSpec sp = n != null ? n : new NetworkSpec();
    List<String> cidrs = sp.egressCIDRs == null ? List.of() : List.copyOf(sp.egressCIDRs);
    for (int i = 0; i < cidrs.size(); i++) {
      if (cidrs.get(i) == null || !CIDR.matcher(cidrs.get(i)).matches()) {
        problems.add("spec.network.egressCIDRs[" + i + "]: '" + cidrs.get(i) + "' is not a CIDR such as 10.0.0.0/16");
      }
    }
    String ingressNs = or(sp.ingressControllerNamespace, "ingress-nginx");
    if (!DNS_LABEL.matcher(ingressNs).matches()) {
      problems.add("spec.network.ingressControllerNamespace: '" + ingressNs + "' is not a namespace name");
    }
    String monitoring = or(sp.monitoringNamespace, "monitoring");
    if (!DNS_LABEL.matcher(monitoring).matches()) {
      problems.add("spec.network.monitoringNamespace: '" + monitoring + "' is not a namespace name");
    }
    List<String> classes = sp.ingressClassNames == null || sp.ingressClassNames.isEmpty()
        ? ingressClasses(ingressNs) : List.copyOf(sp.ingressClassNames);
    return new Settings.Network(or(sp.defaultDeny, above), or(sp.allowDNS, true), ingressNs, cidrs,
        or(sp.externalEgress, NetworkSpec.ExternalEgress.Port), or(sp.unknownPeers, NetworkSpec.UnknownPeers.Namespace),
        classes, monitoring);
  }

  /** The classes a controller namespace serves by convention: ingress-nginx serves nginx, istio-system istio. */
  static List<String> ingressClasses(String namespace) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    out.add(namespace);
    String base = namespace;
    if (base.startsWith("ingress-")) {
      base = base.substring("ingress-".length());
    }
    for (String suffix : List.of("-ingress", "-system", "-controller")) {
      if (base.endsWith(suffix) && base.length() > suffix.length()) {
        base = base.substring(0, base.length() - suffix.length());
      }
    }
    out.add(base);
    if (base.equals("nginx")) {
      out.add("ingress-nginx"); // the chart's default class name is nginx; some installs name it after the chart
    }
    return List.copyOf(out);
  }

  private static Settings.Workloads workloads(WorkloadsSpec w, Tier tier, List<String> problems) {
    WorkloadsSpec sp = w != null ? w : new WorkloadsSpec();
    boolean above = tier != Tier.LOCAL;
    boolean prod = tier == Tier.PRODUCTION;
    int min = sp.minReplicas != null ? sp.minReplicas : switch (tier) {
      case LOCAL -> 1;
      case STAGING -> 2;
      case PRODUCTION -> 3;
    };
    if (min < 1) {
      problems.add("spec.workloads.minReplicas: must be at least 1");
    }
    // Sorted maps: the order of keys reaches the output, which must be the same bytes on every run.
    Map<String, String> requests = new java.util.TreeMap<>(Map.of("cpu", "100m", "memory", "128Mi"));
    Map<String, String> limits = new java.util.TreeMap<>(Map.of("memory", "512Mi"));
    if (sp.resources != null) {
      if (sp.resources.requests != null) {
        requests = new java.util.TreeMap<>(sp.resources.requests);
      }
      if (sp.resources.limits != null) {
        limits = new java.util.TreeMap<>(sp.resources.limits);
      }
    }
    checkQuantities("spec.workloads.resources.requests", requests, problems);
    checkQuantities("spec.workloads.resources.limits", limits, problems);
    WorkloadsSpec.AutoscalingSpec as = sp.autoscaling != null ? sp.autoscaling : new WorkloadsSpec.AutoscalingSpec();
    int max = or(as.maxReplicas, 10);
    if (Boolean.TRUE.equals(as.enabled) && max < min) {
      problems.add("spec.workloads.autoscaling.maxReplicas: must be at least minReplicas (" + min + ")");
    }
    PodSecurity level = sp.podSecurity != null ? sp.podSecurity : switch (tier) {
      case LOCAL -> PodSecurity.NONE;
      case STAGING -> PodSecurity.BASELINE;
      case PRODUCTION -> PodSecurity.RESTRICTED;
    };
    // Sorted: the API server returns a profile's map keys sorted, a file has them in any order.
    Map<String, String> env = new java.util.TreeMap<>();
    if (sp.env != null) {
      sp.env.forEach((k, v) -> {
        if (k == null || !ENV_NAME.matcher(k).matches()) {
          problems.add("spec.workloads.env: '" + k + "' is not a valid environment variable name");
        } else {
          env.put(k, v);
        }
      });
    }
    return new Settings.Workloads(min, java.util.Collections.unmodifiableMap(requests),
        java.util.Collections.unmodifiableMap(limits), above, above,
        or(sp.podDisruptionBudget, prod), prod && Boolean.TRUE.equals(as.enabled), max,
        or(as.targetCPUUtilizationPercentage, 70), level, java.util.Collections.unmodifiableMap(env));
  }

  private static void checkQuantities(String field, Map<String, String> values, List<String> problems) {
    values.forEach((k, v) -> {
      if (v == null || !QUANTITY.matcher(v).matches()) {
        problems.add(field + "." + k + ": '" + v + "' is not a quantity");
      }
    });
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
