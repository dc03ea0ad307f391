package dev.envprofile.engine.rewrite;

import dev.envprofile.api.NetworkSpec;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.FlowFacts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.network.Exposure;
import dev.envprofile.engine.network.PolicyParts;
import dev.envprofile.engine.network.Port;
import dev.envprofile.engine.network.References;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Default deny for the namespace, DNS, and one policy per workload allowing exactly the flows its
 * configuration names (contract §3, Network). Workloads whose peers cannot be inferred keep working
 * inside the namespace under {@code unknownPeers: Namespace}; workloads the profile does not manage
 * keep all their traffic, since the default deny covers their pods too.
 */
public final class NetworkRewrite implements Rewrite {
  public static final String DEFAULT_DENY = "envprofile-default-deny";
  public static final String ALLOW_DNS = "envprofile-allow-dns";
  /** Pod label of workloads whose peers cannot be inferred (unknownPeers: Namespace). */
  public static final String UNKNOWN_PEER = Labels.PREFIX + "unknown-peers";
  private static final List<String> BOTH = List.of("Ingress", "Egress");
  /** NodeLocal DNSCache listens here on nodes that run it. */
  private static final String NODE_LOCAL_DNS = "169.254.20.10/32";

  @Override
  public void apply(WorkingSet ws) {
    Settings.Network net = ws.settings().network();
    if (!net.defaultDeny()) {
      return;
    }
    labelUnlabelledPods(ws);
    Inventory inv = ws.inventory();
    FlowFacts flows = ws.facts().flows();
    String ns = inv.namespace();
    ws.generate(PolicyParts.policy(DEFAULT_DENY, ns, Map.of(), List.of(), List.of(), BOTH), "NetworkPolicyGenerated",
        "NetworkPolicy/" + DEFAULT_DENY + " denies all traffic the other policies do not allow");
    if (net.allowDNS()) {
      Set<Port> dns = new TreeSet<>(Set.of(new Port(53, "UDP"), new Port(53, "TCP")));
      List<NetworkPolicyEgressRule> egress = List.of(PolicyParts.egress(
          List.of(PolicyParts.namespace("kube-system"), PolicyParts.cidr(NODE_LOCAL_DNS)), dns));
      ws.generate(PolicyParts.policy(ALLOW_DNS, ns, Map.of(), null, egress, List.of("Egress")), "NetworkPolicyGenerated",
          "NetworkPolicy/" + ALLOW_DNS + " lets every pod resolve names");
    }
    List<Workload> unmanaged = new ArrayList<>();
    Set<Port> everyServicePort = new TreeSet<>();
    Set<Port> unknownServicePorts = new TreeSet<>();
    List<Workload> byName = new ArrayList<>(inv.allWorkloads());
    byName.sort(java.util.Comparator.comparing(Workload::kind).thenComparing(Workload::name));
    for (Workload w : byName) {
      Set<Port> ports = Exposure.servicePorts(inv, w);
      everyServicePort.addAll(ports);
      if (!inv.isSelected(w)) {
        if (selectable(w)) {
          unmanaged.add(w);
        }
        unknownServicePorts.addAll(ports);
      } else if (!flows.isKnown(w)) {
        unknownServicePorts.addAll(ports);
      }
    }
    // Every selected workload's policy admits the unmanaged pods: their selectors are computed once.
    List<Map<String, String>> unmanagedPods = unmanaged.stream().map(PolicyParts::podSelector).toList();
    for (Workload w : inv.allWorkloads()) {
      if (!selectable(w)) {
        continue; // no label selects its pods: a policy for it would select every pod
      }
      if (inv.isSelected(w)) {
        NetworkPolicy p = workloadPolicy(inv, flows, net, w, unmanagedPods, !flows.isKnown(w), everyServicePort,
            unknownServicePorts);
        ws.generate(p, "NetworkPolicyGenerated", "NetworkPolicy/" + p.getMetadata().getName() + " allows the flows of " + w);
      } else {
        String name = Names.fit(w.name(), "-envprofile-unmanaged", Names.DNS_SUBDOMAIN);
        NetworkPolicy open = PolicyParts.policy(name, ns, PolicyParts.podSelector(w),
            List.of(new NetworkPolicyIngressRule()), List.of(new NetworkPolicyEgressRule()), BOTH);
        ws.generate(open, "NetworkPolicyGenerated", "NetworkPolicy/" + name + " keeps all traffic of " + w
            + ", which the profile does not manage");
      }
    }
  }

  private static List<FlowFacts.Flow> sortedBy(List<FlowFacts.Flow> flows,
                                               java.util.function.Function<FlowFacts.Flow, Workload> peer) {
    List<FlowFacts.Flow> out = new ArrayList<>(flows);
    out.sort(java.util.Comparator.comparing((FlowFacts.Flow f) -> peer.apply(f).kind())
        .thenComparing(f -> peer.apply(f).name()));
    return out;
  }

  static boolean selectable(Workload w) {
    return !PolicyParts.podSelector(w).isEmpty();
  }

  public static String policyName(Workload w) {
    return Names.fit(w.name(), "-envprofile", Names.DNS_SUBDOMAIN);
  }

  private static NetworkPolicy workloadPolicy(Inventory inv, FlowFacts flows, Settings.Network net, Workload w,
                                              List<Map<String, String>> unmanagedPods, boolean isUnknown,
                                              Set<Port> everyServicePort,
                                              Set<Port> unknownServicePorts) {
    boolean namespaceMode = net.unknownPeers() == NetworkSpec.UnknownPeers.Namespace;
    List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
    // Sorted by peer: the order objects arrive in (a file, an informer cache) must not change a policy.
    for (FlowFacts.Flow f : sortedBy(flows.flowsTo(w), FlowFacts.Flow::from)) {
      if (!selectable(f.from())) {
        continue;
      }
      ingress.add(PolicyParts.ingress(List.of(PolicyParts.pods(PolicyParts.podSelector(f.from()))), f.ports()));
    }
    Set<Port> viaIngress = Exposure.ingressPorts(inv, w);
    if (!viaIngress.isEmpty()) {
      ingress.add(PolicyParts.ingress(List.of(PolicyParts.namespace(net.ingressControllerNamespace())), viaIngress));
    }
    Set<Port> open = Exposure.publicPorts(inv, w);
    if (!open.isEmpty()) {
      ingress.add(PolicyParts.ingress(null, open));
    }
    Set<Port> own = Exposure.servicePorts(inv, w);
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    for (FlowFacts.Flow f : sortedBy(flows.flowsFrom(w), FlowFacts.Flow::to)) {
      if (!selectable(f.to())) {
        continue;
      }
      egress.add(PolicyParts.egress(List.of(PolicyParts.pods(PolicyParts.podSelector(f.to()))), f.ports()));
    }
    flows.namespaceFlows(w).forEach((ns, ports) ->
        egress.add(PolicyParts.egress(List.of(PolicyParts.namespace(ns)), ports)));
    if (net.externalEgress() == NetworkSpec.ExternalEgress.Port && !flows.externalHosts(w).isEmpty()) {
      Set<Port> ports = new TreeSet<>();
      for (References.Ref r : flows.externalHosts(w)) {
        ports.add(Port.tcp(r.port() == null ? 443 : r.port()));
      }
      egress.add(PolicyParts.egress(List.of(PolicyParts.cidr("0.0.0.0/0"), PolicyParts.cidr("::/0")), ports));
    }
    if (!net.egressCIDRs().isEmpty()) {
      egress.add(PolicyParts.egress(net.egressCIDRs().stream().map(PolicyParts::cidr).toList(), Set.of()));
    }
    if (namespaceMode) {
      // Unknown workloads carry the label UNKNOWN_PEER, so one rule each way covers all of them.
      Map<String, String> unknownPods = Map.of(UNKNOWN_PEER, "true");
      if (isUnknown) {
        if (!own.isEmpty()) {
          ingress.add(PolicyParts.ingress(List.of(PolicyParts.allPods()), own));
        }
        if (!everyServicePort.isEmpty()) {
          egress.add(PolicyParts.egress(List.of(PolicyParts.allPods()), everyServicePort));
        }
      } else {
        List<NetworkPolicyPeer> from = new ArrayList<>();
        from.add(PolicyParts.pods(unknownPods));
        for (Map<String, String> u : unmanagedPods) {
          from.add(PolicyParts.pods(u));
        }
        if (!own.isEmpty()) {
          ingress.add(PolicyParts.ingress(from, own));
        }
        if (!unknownServicePorts.isEmpty()) {
          egress.add(PolicyParts.egress(from, unknownServicePorts));
        }
      }
    }
    return PolicyParts.policy(policyName(w), inv.namespace(), PolicyParts.podSelector(w), ingress, egress, BOTH);
  }

  /**
   * A CronJob's pods carry no stable label: they get envprofile.dev/workload so policies can select
   * them. With unknownPeers Namespace, pods of workloads whose peers are unknown carry
   * {@link #UNKNOWN_PEER}, so that the other workloads' policies admit them with one rule.
   */
  private static void labelUnlabelledPods(WorkingSet ws) {
    boolean changed = false;
    boolean namespaceMode = ws.settings().network().unknownPeers() == NetworkSpec.UnknownPeers.Namespace;
    FlowFacts flows = ws.facts().flows();
    for (Workload w : ws.inventory().workloads()) {
      // A Job's pod template is immutable: it is never labelled.
      boolean unknown = namespaceMode && !flows.isKnown(w) && !(w.object() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job);
      boolean labelled = "true".equals(w.podLabels().get(UNKNOWN_PEER));
      if (unknown != labelled) {
        if (unknown) {
          w.mutablePodLabels().put(UNKNOWN_PEER, "true");
        } else {
          w.mutablePodLabels().remove(UNKNOWN_PEER);
        }
        ws.recordRewrite(w.object(), "PodsLabelled", w + ": pods " + (unknown ? "labelled " : "no longer labelled ")
            + UNKNOWN_PEER + " (peers " + (unknown ? "unknown" : "known") + ")");
        changed = true;
      }
    }
    for (Workload w : ws.inventory().workloads()) {
      if (w.object() instanceof CronJob && w.podLabels().isEmpty()) {
        w.mutablePodLabels().put(Labels.WORKLOAD, w.name());
        ws.recordRewrite(w.object(), "PodsLabelled", w + ": pods labelled " + Labels.WORKLOAD + "=" + w.name()
            + " so that network policies can select them");
        changed = true;
      }
    }
    if (changed) {
      ws.refresh();
    }
  }
}
