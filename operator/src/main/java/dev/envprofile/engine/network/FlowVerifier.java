package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Selectors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a set of NetworkPolicies the way Kubernetes does, so that the engine can prove, before
 * it emits them, that they allow every connection it inferred. A pod is isolated for a direction
 * when a policy of its namespace selects it with that policy type; a connection then needs an
 * egress rule at the source and an ingress rule at the destination. ipBlock peers are taken to
 * match only endpoints outside the cluster (matching pod IPs is implementation-defined).
 */
public final class FlowVerifier {
  /** A pod, or an endpoint outside the cluster (namespace null). */
  public record Endpoint(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    public static Endpoint outside() {
      return new Endpoint(null, Map.of(), Map.of());
    }

    public static Endpoint anyPod(String namespace) {
      return new Endpoint(namespace, Map.of(), Map.of());
    }

    boolean external() {
      return namespace == null;
    }
  }

  /** A connection the policies must allow; {@code what} says why, for the finding. */
  public record Connection(Endpoint from, Endpoint to, int port, String protocol, String what) {}

  private final List<NetworkPolicy> policies;
  /** Policies selecting each endpoint, computed once: most connections share their endpoints. */
  private final Map<Endpoint, List<NetworkPolicy>> selecting = new HashMap<>();
  /**
   * Candidates per endpoint without trying every policy: a policy whose pod selector has a label
   * ({@code key=value}) is filed under it, so only endpoints with that label look at it; the
   * others (empty selectors, expressions only) are tried by every endpoint of their namespace.
   * Trying every policy for every endpoint made a 10,000-object promote quadratic (19 s, C1).
   */
  private final Map<String, List<Integer>> byLabel = new HashMap<>();
  private final Map<String, List<Integer>> unfiled = new HashMap<>();

  public FlowVerifier(List<NetworkPolicy> policies) {
    this.policies = List.copyOf(policies);
    for (int i = 0; i < this.policies.size(); i++) {
      NetworkPolicy p = this.policies.get(i);
      String ns = p.getMetadata().getNamespace();
      var selector = p.getSpec().getPodSelector();
      Map<String, String> labels = selector == null ? null : selector.getMatchLabels();
      Map.Entry<String, String> first = labels == null ? null
          : labels.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null).findFirst().orElse(null);
      if (first == null) {
        unfiled.computeIfAbsent(ns, k -> new ArrayList<>()).add(i);
      } else {
        byLabel.computeIfAbsent(labelKey(ns, first.getKey(), first.getValue()), k -> new ArrayList<>()).add(i);
      }
    }
  }

  private static String labelKey(String namespace, String key, String value) {
    return namespace + "\u0000" + key + "\u0000" + value;
  }

  /** The connections of {@code required} the policies deny, in order. */
  public List<Connection> denied(List<Connection> required) {
    List<Connection> out = new ArrayList<>();
    for (Connection c : required) {
      if (!allowed(c)) {
        out.add(c);
      }
    }
    return out;
  }

  public boolean allowed(Connection c) {
    return egressAllowed(c) && ingressAllowed(c);
  }

  private boolean egressAllowed(Connection c) {
    if (c.from().external()) {
      return true;
    }
    boolean isolated = false;
    for (NetworkPolicy p : selecting(c.from())) {
      if (!hasType(p, "Egress")) {
        continue;
      }
      isolated = true;
      if (p.getSpec().getEgress() != null) {
        for (var rule : p.getSpec().getEgress()) {
          if (peersMatch(rule.getTo(), p, c.to()) && portsMatch(rule.getPorts(), c)) {
            return true;
          }
        }
      }
    }
    return !isolated;
  }

  private boolean ingressAllowed(Connection c) {
    if (c.to().external()) {
      return true;
    }
    boolean isolated = false;
    for (NetworkPolicy p : selecting(c.to())) {
      if (!hasType(p, "Ingress")) {
        continue;
      }
      isolated = true;
      if (p.getSpec().getIngress() != null) {
        for (var rule : p.getSpec().getIngress()) {
          if (peersMatch(rule.getFrom(), p, c.from()) && portsMatch(rule.getPorts(), c)) {
            return true;
          }
        }
      }
    }
    return !isolated;
  }

  private List<NetworkPolicy> selecting(Endpoint e) {
    if (e.external()) {
      return List.of();
    }
    return selecting.computeIfAbsent(e, k -> {
      java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>(unfiled.getOrDefault(k.namespace(), List.of()));
      (k.labels() == null ? Map.<String, String>of() : k.labels()).forEach((key, value) -> candidates.addAll(byLabel.getOrDefault(labelKey(k.namespace(), key, value),
          List.of())));
      List<NetworkPolicy> out = new ArrayList<>();
      for (int i : candidates) { // in the policies' order, as a scan of all of them gives
        NetworkPolicy p = policies.get(i);
        if (k.namespace().equals(p.getMetadata().getNamespace()) && Selectors.matches(p.getSpec().getPodSelector(), k.labels())) {
          out.add(p);
        }
      }
      return out;
    });
  }

  private static boolean hasType(NetworkPolicy p, String type) {
    List<String> types = p.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return type.equals("Ingress") || p.getSpec().getEgress() != null;
    }
    return types.contains(type);
  }

  private static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy p, Endpoint e) {
    if (peers == null || peers.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPeer peer : peers) {
      if (peer.getIpBlock() != null) {
        if (e.external()) {
          return true;
        }
        continue;
      }
      if (e.external()) {
        continue;
      }
      boolean nsOk = peer.getNamespaceSelector() == null ? e.namespace().equals(p.getMetadata().getNamespace())
          : Selectors.matches(peer.getNamespaceSelector(), Map.of(PolicyParts.NAMESPACE_LABEL, e.namespace()));
      boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), e.labels());
      if (nsOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean portsMatch(List<NetworkPolicyPort> ports, Connection c) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPort np : ports) {
      String proto = np.getProtocol() == null ? "TCP" : np.getProtocol();
      if (!proto.equals(c.protocol())) {
        continue;
      }
      IntOrString v = np.getPort();
      if (v == null) {
        return true;
      }
      Integer n = v.getIntVal() != null ? v.getIntVal() : c.to().namedPorts().get(v.getStrVal());
      int end = np.getEndPort() != null ? np.getEndPort() : n == null ? -1 : n;
      if (n != null && c.port() >= n && c.port() <= end) {
        return true;
      }
    }
    return false;
  }
}
