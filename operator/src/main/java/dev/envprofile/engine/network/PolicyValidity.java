package dev.envprofile.engine.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server's validation refuses in a NetworkPolicy or a Service (the rules of
 * pkg/apis/networking/validation and core validation that generated objects can break): ports
 * outside 1..65535, named ports that are not IANA service names, unknown protocols, invalid
 * label selectors and CIDRs. Hand-written checks: they also run on tenants' objects in audit.
 */
public final class PolicyValidity {
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
  private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  private PolicyValidity() {}

  /** Why the API server would refuse the policy; empty when it would accept it. */
  public static List<String> problems(NetworkPolicy p) {
    List<String> out = new ArrayList<>();
    if (p.getSpec() == null) {
      return out;
    }
    selector(p.getSpec().getPodSelector(), "spec.podSelector", out);
    List<String> types = p.getSpec().getPolicyTypes();
    if (types != null) {
      for (int i = 0; i < types.size(); i++) {
        if (!"Ingress".equals(types.get(i)) && !"Egress".equals(types.get(i))) {
          out.add("spec.policyTypes[" + i + "]: must be Ingress or Egress");
        }
      }
    }
    if (p.getSpec().getIngress() != null) {
      for (int i = 0; i < p.getSpec().getIngress().size(); i++) {
        var r = p.getSpec().getIngress().get(i);
        peers(r.getFrom(), "spec.ingress[" + i + "].from", out);
        ports(r.getPorts(), "spec.ingress[" + i + "].ports", out);
      }
    }
    if (p.getSpec().getEgress() != null) {
      for (int i = 0; i < p.getSpec().getEgress().size(); i++) {
        var r = p.getSpec().getEgress().get(i);
        peers(r.getTo(), "spec.egress[" + i + "].to", out);
        ports(r.getPorts(), "spec.egress[" + i + "].ports", out);
      }
    }
    return out;
  }

  /** Why the API server would refuse the Service's ports; empty when it would accept them. */
  public static List<String> problems(Service s) {
    List<String> out = new ArrayList<>();
    if (s.getSpec() == null || s.getSpec().getPorts() == null) {
      return out;
    }
    for (int i = 0; i < s.getSpec().getPorts().size(); i++) {
      ServicePort sp = s.getSpec().getPorts().get(i);
      String at = "spec.ports[" + i + "]";
      if (sp.getPort() == null || sp.getPort() < 1 || sp.getPort() > 65535) {
        out.add(at + ".port: " + sp.getPort() + " is not between 1 and 65535");
      }
      if (sp.getProtocol() != null && !PROTOCOLS.contains(sp.getProtocol())) {
        out.add(at + ".protocol: must be TCP, UDP or SCTP");
      }
      IntOrString t = sp.getTargetPort();
      if (t != null && t.getIntVal() != null && (t.getIntVal() < 0 || t.getIntVal() > 65535)) {
        out.add(at + ".targetPort: " + t.getIntVal() + " is not between 1 and 65535");
      } else if (t != null && t.getStrVal() != null && !t.getStrVal().isEmpty() && !isPortName(t.getStrVal())) {
        out.add(at + ".targetPort: '" + clip(t.getStrVal()) + "' is not a port name (at most 15 lower-case letters, digits and '-')");
      }
    }
    return out;
  }

  private static void peers(List<NetworkPolicyPeer> peers, String at, List<String> out) {
    if (peers == null) {
      return;
    }
    for (int i = 0; i < peers.size(); i++) {
      NetworkPolicyPeer peer = peers.get(i);
      String here = at + "[" + i + "]";
      boolean selectors = peer.getPodSelector() != null || peer.getNamespaceSelector() != null;
      if (peer.getIpBlock() != null && selectors) {
        out.add(here + ": ipBlock cannot be combined with a selector");
      } else if (peer.getIpBlock() == null && !selectors) {
        out.add(here + ": must name a podSelector, a namespaceSelector or an ipBlock");
      }
      selector(peer.getPodSelector(), here + ".podSelector", out);
      selector(peer.getNamespaceSelector(), here + ".namespaceSelector", out);
      if (peer.getIpBlock() != null) {
        if (!Cidrs.valid(peer.getIpBlock().getCidr())) {
          out.add(here + ".ipBlock.cidr: '" + clip(peer.getIpBlock().getCidr()) + "' is not a CIDR");
        }
        if (peer.getIpBlock().getExcept() != null) {
          for (String e : peer.getIpBlock().getExcept()) {
            if (!Cidrs.valid(e)) {
              out.add(here + ".ipBlock.except: '" + clip(e) + "' is not a CIDR");
            }
          }
        }
      }
    }
  }

  private static void ports(List<NetworkPolicyPort> ports, String at, List<String> out) {
    if (ports == null) {
      return;
    }
    for (int i = 0; i < ports.size(); i++) {
      NetworkPolicyPort np = ports.get(i);
      String here = at + "[" + i + "]";
      if (np.getProtocol() != null && !PROTOCOLS.contains(np.getProtocol())) {
        out.add(here + ".protocol: must be TCP, UDP or SCTP");
      }
      IntOrString v = np.getPort();
      if (v != null && v.getIntVal() != null && (v.getIntVal() < 1 || v.getIntVal() > 65535)) {
        out.add(here + ".port: " + v.getIntVal() + " is not between 1 and 65535");
      } else if (v != null && v.getStrVal() != null && !isPortName(v.getStrVal())) {
        out.add(here + ".port: '" + clip(v.getStrVal()) + "' is not a port name");
      }
      if (np.getEndPort() != null && (v == null || v.getIntVal() == null || np.getEndPort() < v.getIntVal()
          || np.getEndPort() > 65535)) {
        out.add(here + ".endPort: needs a numeric port not above it, and at most 65535");
      }
    }
  }

  private static void selector(LabelSelector s, String at, List<String> out) {
    if (s == null) {
      return;
    }
    if (s.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : s.getMatchLabels().entrySet()) {
        if (!LabelSyntax.isKey(e.getKey())) {
          out.add(at + ".matchLabels: '" + clip(e.getKey()) + "' is not a label key");
        }
        if (!LabelSyntax.isValue(e.getValue())) {
          out.add(at + ".matchLabels." + clip(e.getKey()) + ": '" + clip(e.getValue()) + "' is not a label value");
        }
      }
    }
    if (s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        if (!OPERATORS.contains(r.getOperator())) {
          out.add(at + ".matchExpressions: operator '" + clip(r.getOperator()) + "' is not In, NotIn, Exists or DoesNotExist");
        } else if (r.getKey() == null || !LabelSyntax.isKey(r.getKey())) {
          out.add(at + ".matchExpressions: '" + clip(r.getKey()) + "' is not a label key");
        }
      }
    }
  }

  /** IANA_SVC_NAME: 1-15 of [a-z0-9-], at least one letter, no leading, trailing or double '-'. */
  public static boolean isPortName(String s) {
    if (s.isEmpty() || s.length() > 15 || s.startsWith("-") || s.endsWith("-") || s.contains("--")) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letter = true;
      } else if (!(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return letter;
  }

  /** Tenant text in a message is shown in its head only. */
  static String clip(String s) {
    return s == null ? "null" : s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
