package dev.envprofile.operator.policy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which namespaces a profile may act in. Never the system namespaces nor the operator's own
 * (there a profile is not even reconciled); with opt-in (the default) only namespaces labelled
 * {@code envprofile.dev/enabled: "true"} or listed by the administrator (--enabled-namespaces, and
 * the --namespaces the operator watches).
 */
public final class NamespaceGate {
  public static final String ENABLED_LABEL = "envprofile.dev/enabled";
  public static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");
  private static final Duration CACHE = Duration.ofSeconds(5);

  private final String operatorNamespace;
  private final boolean optIn;
  private final Set<String> listed;
  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  private record Seen(boolean labelled, Instant at) {}

  public NamespaceGate(String operatorNamespace, boolean optIn, List<String> listed) {
    this(operatorNamespace, optIn, listed, Clock.systemUTC());
  }

  NamespaceGate(String operatorNamespace, boolean optIn, List<String> listed, Clock clock) {
    this.operatorNamespace = operatorNamespace;
    this.optIn = optIn;
    this.listed = Set.copyOf(listed);
    this.clock = clock;
  }

  /** System namespaces and the operator's: the operator writes nothing there (its revert logs aside). */
  public boolean isProtected(String namespace) {
    return SYSTEM.contains(namespace) || namespace.equals(operatorNamespace);
  }

  /** Why a profile in {@code namespace} may not act, or null when it may. Reads the namespace's labels (cached a few seconds). */
  public String refusal(String namespace, KubernetesClient client) {
    if (isProtected(namespace)) {
      return "namespace " + namespace + " is a system namespace or the operator's own: the operator never writes there";
    }
    if (!optIn || listed.contains(namespace)) {
      return null;
    }
    Seen s = seen.get(namespace);
    if (s == null || Duration.between(s.at(), clock.instant()).compareTo(CACHE) >= 0) {
      Namespace n = client.namespaces().withName(namespace).get();
      boolean labelled = n != null && n.getMetadata().getLabels() != null
          && "true".equals(n.getMetadata().getLabels().get(ENABLED_LABEL));
      s = new Seen(labelled, clock.instant());
      seen.put(namespace, s);
    }
    return s.labelled() ? null : "namespace " + namespace + " is not enabled: an administrator labels it "
        + ENABLED_LABEL + "=true (or lists it in the chart's namespaces.enabled)";
  }
}
