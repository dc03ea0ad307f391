package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Selectors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicies as Kubernetes does: a pod is isolated for a direction when some policy
 * selects it with that policy type; then a connection needs a rule of a selecting policy on both
 * ends (egress at the source, ingress at the destination). ipBlock peers match endpoints outside
 * the cluster only (matching pod IPs is implementation-defined). Test code: no engine logic reused.
 */
final class PolicyEvaluator {
  /** A pod, or an endpoint outside the cluster ({@code namespace} null). */
  record Endpoint(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    static Endpoint outside() {
      return new Endpoint(null, Map.of(), Map.of());
    }

    boolean external() {
      return namespace == null;
    }
  }

  private final List<NetworkPolicy> policies;

  PolicyEvaluator(List<HasMetadata> objects, String namespace) {
    this.policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
        .peek(p -> {
          if (p.getMetadata().getNamespace() == null) {
            p.getMetadata().setNamespace(namespace);
          }
        }).toList();
  }

  boolean allowed(Endpoint src, Endpoint dst, int port, String protocol) {
    return egressAllowed(src, dst, port, protocol) && ingressAllowed(src, dst, port, protocol);
  }

  boolean allowed(Endpoint src, Endpoint dst, int port) {
    return allowed(src, dst, port, "TCP");
  }

  private boolean egressAllowed(Endpoint src, Endpoint dst, int port, String protocol) {
    if (src.external()) {
      return true;
    }
    boolean isolated = false;
    for (NetworkPolicy p : policies) {
      if (!selects(p, src) || !hasType(p, "Egress")) {
        continue;
      }
      isolated = true;
      if (p.getSpec().getEgress() == null) {
        continue;
      }
      for (var rule : p.getSpec().getEgress()) {
        if (peersMatch(rule.getTo(), p, dst) && portsMatch(rule.getPorts(), dst, port, protocol)) {
          return true;
        }
      }
    }
    return !isolated;
  }

  private boolean ingressAllowed(Endpoint src, Endpoint dst, int port, String protocol) {
    if (dst.external()) {
      return true;
    }
    boolean isolated = false;
    for (NetworkPolicy p : policies) {
      if (!selects(p, dst) || !hasType(p, "Ingress")) {
        continue;
      }
      isolated = true;
      if (p.getSpec().getIngress() == null) {
        continue;
      }
      for (var rule : p.getSpec().getIngress()) {
        if (peersMatch(rule.getFrom(), p, src) && portsMatch(rule.getPorts(), dst, port, protocol)) {
          return true;
        }
      }
    }
    return !isolated;
  }

  private static boolean selects(NetworkPolicy p, Endpoint e) {
    return !e.external() && p.getMetadata().getNamespace().equals(e.namespace())
        && Selectors.matches(p.getSpec().getPodSelector(), e.labels());
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
          : Selectors.matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", e.namespace()));
      boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), e.labels());
      if (nsOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint dst, int port, String protocol) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    for (NetworkPolicyPort np : ports) {
      String proto = np.getProtocol() == null ? "TCP" : np.getProtocol();
      if (!proto.equals(protocol)) {
        continue;
      }
      IntOrString v = np.getPort();
      if (v == null) {
        return true;
      }
      Integer n = v.getIntVal() != null ? v.getIntVal() : dst.namedPorts().get(v.getStrVal());
      int end = np.getEndPort() != null ? np.getEndPort() : n == null ? -1 : n;
      if (n != null && port >= n && port <= end) {
        return true;
      }
    }
    return false;
  }
}
