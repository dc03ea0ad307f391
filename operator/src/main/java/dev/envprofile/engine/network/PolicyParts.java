package dev.envprofile.engine.network;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders for the parts of a NetworkPolicy, so that the rules read like docs/rules/network.md. */
public final class PolicyParts {
  public static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
  /** The Job controller labels every pod with its Job's name. */
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";

  private PolicyParts() {}

  /**
   * Labels that select exactly the workload's pods. A Job's pods are selected by the label its
   * controller puts on each of them: the API server gives a live Job a controller-uid selector that
   * its manifest lacks, so that selector would make the live and the rendered policy differ.
   */
  public static Map<String, String> podSelector(Workload w) {
    if (w.object() instanceof Job) {
      return new LinkedHashMap<>(Map.of(JOB_NAME, w.name()));
    }
    return w.selectorLabels();
  }

  public static NetworkPolicyPeer pods(Map<String, String> labels) {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(new LinkedHashMap<>(labels));
    p.setPodSelector(s);
    return p;
  }

  /** Every pod of the policy's namespace. */
  public static NetworkPolicyPeer allPods() {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    p.setPodSelector(new LabelSelector());
    return p;
  }

  /** Every pod of every namespace. */
  public static NetworkPolicyPeer anyNamespace() {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    p.setNamespaceSelector(new LabelSelector());
    return p;
  }

  public static NetworkPolicyPeer namespace(String name) {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(new LinkedHashMap<>(Map.of(NAMESPACE_LABEL, name)));
    p.setNamespaceSelector(s);
    return p;
  }

  public static NetworkPolicyPeer namespacePods(String namespace, Map<String, String> labels) {
    NetworkPolicyPeer p = namespace(namespace);
    if (labels != null && !labels.isEmpty()) {
      LabelSelector s = new LabelSelector();
      s.setMatchLabels(new LinkedHashMap<>(labels));
      p.setPodSelector(s);
    }
    return p;
  }

  public static NetworkPolicyPeer cidr(String cidr) {
    NetworkPolicyPeer p = new NetworkPolicyPeer();
    p.setIpBlock(new IPBlock(cidr, null));
    return p;
  }

  /** The ports of a rule; null (every port) when the set is empty or holds the ANY marker. */
  public static List<NetworkPolicyPort> ports(Set<Port> ports) {
    if (ports.isEmpty() || ports.stream().anyMatch(p -> p.protocol().equals("ANY"))) {
      return null;
    }
    List<NetworkPolicyPort> out = new ArrayList<>();
    for (Port p : ports) {
      if (p.port() < 1 || p.port() > 65535) {
        continue; // never emitted: the API server refuses the whole policy for one such port
      }
      NetworkPolicyPort np = new NetworkPolicyPort();
      np.setPort(new IntOrString(p.port()));
      np.setProtocol(p.protocol());
      out.add(np);
    }
    return out;
  }

  public static NetworkPolicyIngressRule ingress(List<NetworkPolicyPeer> from, Set<Port> ports) {
    NetworkPolicyIngressRule r = new NetworkPolicyIngressRule();
    r.setFrom(from == null ? null : new ArrayList<>(from));
    r.setPorts(ports(ports));
    return r;
  }

  public static NetworkPolicyEgressRule egress(List<NetworkPolicyPeer> to, Set<Port> ports) {
    NetworkPolicyEgressRule r = new NetworkPolicyEgressRule();
    r.setTo(to == null ? null : new ArrayList<>(to));
    r.setPorts(ports(ports));
    return r;
  }

  public static NetworkPolicy policy(String name, String namespace, Map<String, String> podSelector,
                                     List<NetworkPolicyIngressRule> ingress, List<NetworkPolicyEgressRule> egress,
                                     List<String> types) {
    LabelSelector sel = new LabelSelector();
    sel.setMatchLabels(podSelector == null || podSelector.isEmpty() ? null : new LinkedHashMap<>(podSelector));
    NetworkPolicy p = new NetworkPolicyBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(new LinkedHashMap<>(Map.of(Labels.MANAGED_BY, Labels.MANAGER))).endMetadata()
        .withNewSpec().withPodSelector(sel).withPolicyTypes(new ArrayList<>(types)).endSpec().build();
    p.getSpec().setIngress(ingress == null ? null : new ArrayList<>(ingress));
    p.getSpec().setEgress(egress == null ? null : new ArrayList<>(egress));
    return p;
  }
}
