package dev.envprofile.engine.network;

import dev.envprofile.api.NetworkSpec;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.network.FlowVerifier.Connection;
import dev.envprofile.engine.network.FlowVerifier.Endpoint;
import dev.envprofile.engine.rewrite.WorkingSet;
import dev.envprofile.engine.workload.ServiceAccountToken;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NetworkPolicies of one namespace before they are emitted, with the connections they must
 * allow: every inferred flow, DNS, the ingress controller, public Services, the API server for pods
 * that use it, Prometheus scraping, and the unknown-peer fallback. {@link #denied()} proves the
 * policies against those connections with an evaluator of Kubernetes' semantics.
 */
final class NetworkPlan {
  private static final List<String> BOTH = List.of("Ingress", "Egress");
  /** API server ports: 443 behind the kubernetes Service, 6443 where policies see the endpoint's port. */
  private static final Set<Port> API_SERVER = new TreeSet<>(Set.of(Port.tcp(443), Port.tcp(6443)));
  /** A namespace no rule names: traffic from "some other namespace". */
  private static final String ELSEWHERE = "envprofile-elsewhere";
  /** Pairs checked for the unknown-peer fallback: a uniform rule, sampled in large namespaces. */
  private static final int MAX_FALLBACK_PAIRS = 20_000;

  private record Planned(NetworkPolicy policy, String message) {}

  private final List<Planned> planned = new ArrayList<>();
  private final List<Connection> required = new ArrayList<>();
  private final Map<Endpoint, Set<String>> owners = new HashMap<>();
  private final List<String> invalid = new ArrayList<>();
  private final List<NetworkPolicy> evaluated = new ArrayList<>();

  private NetworkPlan() {}

  static NetworkPlan of(WorkingSet ws, Set<String> forced) {
    NetworkPlan plan = new NetworkPlan();
    Settings.Network net = ws.settings().network();
    Inventory inv = ws.inventory();
    FlowFacts flows = ws.facts().flows();
    String ns = inv.namespace();
    plan.add(ws, PolicyParts.policy(NetworkRewrite.DEFAULT_DENY, ns, Map.of(), List.of(), List.of(), BOTH),
        "NetworkPolicy/" + NetworkRewrite.DEFAULT_DENY + " denies all traffic the other policies do not allow");
    if (net.allowDNS()) {
      Set<Port> dns = new TreeSet<>(Set.of(new Port(53, "UDP"), new Port(53, "TCP")));
      List<NetworkPolicyEgressRule> egress = List.of(PolicyParts.egress(
          List.of(PolicyParts.namespace("kube-system"), PolicyParts.cidr(NetworkRewrite.NODE_LOCAL_DNS)), dns));
      plan.add(ws, PolicyParts.policy(NetworkRewrite.ALLOW_DNS, ns, Map.of(), null, egress, List.of("Egress")),
          "NetworkPolicy/" + NetworkRewrite.ALLOW_DNS + " lets every pod resolve names");
    }
    Context ctx = new Context(inv, flows, net, forced);
    for (Workload w : inv.allWorkloads()) {
      if (!NetworkRewrite.selectable(w)) {
        continue; // no label selects its pods: a policy for it would select every pod
      }
      if (inv.isSelected(w)) {
        NetworkPolicy p = ctx.workloadPolicy(w);
        plan.add(ws, p, "NetworkPolicy/" + p.getMetadata().getName() + " allows the flows of " + w);
      } else {
        String name = Names.fit(w.name(), "-envprofile-unmanaged", Names.DNS_SUBDOMAIN);
        NetworkPolicy open = PolicyParts.policy(name, ns, PolicyParts.podSelector(w),
            List.of(new NetworkPolicyIngressRule()), List.of(new NetworkPolicyEgressRule()), BOTH);
        plan.add(ws, open, "NetworkPolicy/" + name + " keeps all traffic of " + w + ", which the profile does not manage");
      }
    }
    for (ForeignPods.Owner f : ctx.foreign) {
      if (f.labels().isEmpty()) {
        // An empty pod selector selects every pod: no policy can keep only these pods open.
        plan.invalid.add(f + " runs pods no label selects: the default deny would cut them off; label its pods");
        continue;
      }
      String name = Names.fit(f.name(), "-envprofile-unmanaged", Names.DNS_SUBDOMAIN);
      NetworkPolicy open = PolicyParts.policy(name, ns, f.labels(),
          List.of(new NetworkPolicyIngressRule()), List.of(new NetworkPolicyEgressRule()), BOTH);
      plan.add(ws, open, "NetworkPolicy/" + name + " keeps all traffic of " + f + ", whose pods envprofile does not manage");
    }
    // The tenant's own policies stay in force beside the generated ones (policies only add allows).
    for (NetworkPolicy p : inv.networkPolicies()) {
      if (!Labels.isManaged(p)) {
        plan.evaluated.add(p);
      }
    }
    plan.require(ctx);
    return plan;
  }

  private void add(WorkingSet ws, NetworkPolicy p, String message) {
    planned.add(new Planned(p, message));
    for (String problem : PolicyValidity.problems(p)) {
      invalid.add("NetworkPolicy/" + p.getMetadata().getName() + " " + problem);
    }
    if (ws.canGenerate("NetworkPolicy", p.getMetadata().getName())) {
      evaluated.add(p); // a name held by a foreign object is not emitted: evaluate without it
    }
  }

  List<Connection> denied() {
    return new FlowVerifier(evaluated).denied(required);
  }

  List<String> invalid() {
    return invalid;
  }

  /** "Kind/name" of the selected workloads at either end of the connections. */
  Set<String> workloadsOf(List<Connection> connections) {
    Set<String> out = new TreeSet<>();
    for (Connection c : connections) {
      out.addAll(owners.getOrDefault(c.from(), Set.of()));
      out.addAll(owners.getOrDefault(c.to(), Set.of()));
    }
    return out;
  }

  /** On a refusal: the names foreign objects hold are still reported as conflicts. */
  void recordConflicts(WorkingSet ws) {
    for (Planned p : planned) {
      if (!ws.canGenerate("NetworkPolicy", p.policy().getMetadata().getName())) {
        ws.recordConflict("NetworkPolicy", p.policy().getMetadata().getName(), p.message());
      }
    }
  }

  void emit(WorkingSet ws) {
    for (Planned p : planned) {
      ws.generate(p.policy(), "NetworkPolicyGenerated", p.message());
    }
  }

  /** The connections the policies must allow. */
  private void require(Context ctx) {
    Inventory inv = ctx.inv;
    Map<Workload, Endpoint> pods = new LinkedHashMap<>();
    for (Workload w : inv.allWorkloads()) {
      // Every workload is an endpoint, also one whose pods no label selects (an ignored CronJob
      // without labels): the default deny covers its pods too, and its flows must still work.
      Endpoint e = new Endpoint(inv.namespace(), runtimeLabels(w), namedPorts(w));
      pods.put(w, e);
      if (inv.isSelected(w) && NetworkRewrite.selectable(w)) {
        owners.computeIfAbsent(e, k -> new TreeSet<>()).add(w.kind() + "/" + w.name());
      }
    }
    Settings.Network net = ctx.net;
    List<Workload> unknown = new ArrayList<>();
    for (Map.Entry<Workload, Endpoint> e : pods.entrySet()) {
      Workload w = e.getKey();
      Endpoint self = e.getValue();
      boolean managed = inv.isSelected(w);
      for (FlowFacts.Flow f : ctx.flows.flowsFrom(w)) {
        Endpoint to = pods.get(f.to());
        if (to != null) {
          for (int port : portsToTry(f.ports(), f.to())) {
            required.add(new Connection(self, to, port, "TCP", w + " -> " + f.to() + " on " + port));
          }
        }
      }
      if (!managed) {
        continue;
      }
      ctx.flows.namespaceFlows(w).forEach((ns, ports) -> {
        for (Port p : ports) {
          required.add(new Connection(self, Endpoint.anyPod(ns), p.port() == 0 ? 1 : p.port(), "TCP",
              w + " -> namespace " + ns + " on " + (p.port() == 0 ? "any port" : p.port())));
        }
      });
      if (net.externalEgress() == NetworkSpec.ExternalEgress.Port) {
        for (References.Ref r : ctx.flows.externalHosts(w)) {
          int port = r.port() == null ? 443 : r.port();
          required.add(new Connection(self, Endpoint.outside(), port, "TCP", w + " -> " + r.host() + ":" + port));
        }
      }
      if (net.allowDNS()) {
        required.add(new Connection(self, Endpoint.anyPod("kube-system"), 53, "UDP", w + " -> DNS"));
      }
      for (References.Ref r : ctx.flows.absentServices(w)) {
        // Pods outside the input would sit behind the default deny with no rule: this cannot be proven.
        required.add(new Connection(self, Endpoint.anyPod(inv.namespace()), r.port(), "TCP",
            w + " -> " + r + ", a data service that is not in the input (promote the whole namespace)"));
      }
      if (ctx.usesApi(w)) {
        required.add(new Connection(self, Endpoint.outside(), 443, "TCP", w + " -> the Kubernetes API"));
      }
      for (Port p : net.ingressControllerNamespace().equals(inv.namespace()) ? Set.<Port>of()
          : Exposure.ingressPorts(inv, w, ctx::served)) {
        required.add(new Connection(Endpoint.anyPod(net.ingressControllerNamespace()), self, p.port(), p.protocol(),
            "the ingress controller -> " + w + " on " + p));
      }
      for (Port p : Exposure.ingressPorts(inv, w, i -> !ctx.served(i))) {
        required.add(new Connection(Endpoint.anyPod(ELSEWHERE), self, p.port(), p.protocol(),
            "the controller of another Ingress class -> " + w + " on " + p));
      }
      for (Port p : Exposure.publicPorts(inv, w)) {
        required.add(new Connection(Endpoint.outside(), self, p.port(), p.protocol(), "clients -> " + w + " on " + p));
      }
      // A Prometheus of this very namespace is one of its workloads, judged by its own flows.
      for (Port p : net.monitoringNamespace().equals(inv.namespace()) ? Set.<Port>of() : Scraping.ports(inv, w)) {
        required.add(new Connection(Endpoint.anyPod(net.monitoringNamespace()), self, p.port(), p.protocol(),
            "Prometheus -> " + w + " on " + p));
      }
      if (ctx.isUnknown(w)) {
        unknown.add(w);
      }
    }
    if (net.unknownPeers() != NetworkSpec.UnknownPeers.Namespace) {
      return;
    }
    int pairs = 0;
    for (Workload u : unknown) {
      for (Map.Entry<Workload, Endpoint> e : pods.entrySet()) {
        if (e.getKey() == u || pairs >= MAX_FALLBACK_PAIRS) {
          continue;
        }
        Set<Port> theirs = Exposure.servicePorts(inv, e.getKey());
        if (!theirs.isEmpty()) {
          Port p = theirs.iterator().next();
          required.add(new Connection(pods.get(u), e.getValue(), p.port(), p.protocol(),
              u + " (peers unknown) -> " + e.getKey() + " on " + p));
          pairs++;
        }
        Set<Port> own = Exposure.servicePorts(inv, u);
        if (!own.isEmpty() && inv.isSelected(e.getKey())) {
          Port p = own.iterator().next();
          required.add(new Connection(e.getValue(), pods.get(u), p.port(), p.protocol(),
              e.getKey() + " -> " + u + " (peers unknown) on " + p));
          pairs++;
        }
      }
    }
  }

  /** The labels the pods carry when they run: a Job's pods also get their Job's name from the controller. */
  private static Map<String, String> runtimeLabels(Workload w) {
    if (!(w.object() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job)) {
      return w.podLabels();
    }
    Map<String, String> out = new LinkedHashMap<>(w.podLabels());
    out.put(PolicyParts.JOB_NAME, w.name());
    out.put("job-name", w.name());
    return out;
  }

  /** The ports to prove for a flow: its own, or for "every port" one the destination declares. */
  private static List<Integer> portsToTry(Set<Port> ports, Workload to) {
    List<Integer> out = new ArrayList<>();
    for (Port p : ports) {
      if (!p.protocol().equals("ANY") && p.protocol().equals("TCP")) {
        out.add(p.port());
      }
    }
    if (out.isEmpty()) {
      Map<String, Integer> named = namedPorts(to);
      out.add(named.isEmpty() ? firstPort(to) : named.values().iterator().next());
    }
    return out;
  }

  private static int firstPort(Workload w) {
    for (Container c : w.containers()) {
      if (c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (p.getContainerPort() != null && p.getContainerPort() > 0) {
            return p.getContainerPort();
          }
        }
      }
    }
    return 80;
  }

  private static Map<String, Integer> namedPorts(Workload w) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Container c : w.allContainers()) {
      if (c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (p.getName() != null && p.getContainerPort() != null) {
            out.putIfAbsent(p.getName(), p.getContainerPort());
          }
        }
      }
    }
    return out;
  }

  /** What every workload policy of the namespace shares, computed once. */
  private static final class Context {
    final Inventory inv;
    final FlowFacts flows;
    final Settings.Network net;
    final Set<String> forced;
    /** Pods every known workload admits besides the unknown-peers label: unmanaged workloads, unknown Jobs. */
    final List<Map<String, String>> unmanagedPods = new ArrayList<>();
    final Set<Port> everyServicePort = new TreeSet<>();
    final Set<Port> unknownServicePorts = new TreeSet<>();
    /** Pods of objects the engine does not model (ReplicationControllers, bare Pods...): kept open. */
    final List<ForeignPods.Owner> foreign;

    Context(Inventory inv, FlowFacts flows, Settings.Network net, Set<String> forced) {
      this.inv = inv;
      this.flows = flows;
      this.net = net;
      this.forced = forced;
      this.foreign = ForeignPods.in(inv.objects());
      for (ForeignPods.Owner f : foreign) {
        if (!f.labels().isEmpty()) {
          unmanagedPods.add(f.labels());
        }
      }
      List<Workload> byName = new ArrayList<>(inv.allWorkloads());
      byName.sort(Comparator.comparing(Workload::kind).thenComparing(Workload::name));
      for (Workload w : byName) {
        Set<Port> ports = Exposure.servicePorts(inv, w);
        everyServicePort.addAll(ports);
        // Metrics ports too: a scraper whose targets are found at runtime is an unknown workload.
        everyServicePort.addAll(Scraping.ports(inv, w));
        if (!inv.isSelected(w)) {
          if (NetworkRewrite.selectable(w)) {
            unmanagedPods.add(PolicyParts.podSelector(w));
          }
          unknownServicePorts.addAll(ports);
        } else if (isUnknown(w)) {
          unknownServicePorts.addAll(ports);
          unknownServicePorts.addAll(RuntimePeers.sidecarPorts(w));
          if (registers(w)) {
            unknownServicePorts.addAll(RuntimePeers.declaredPorts(w));
          }
          if (w.object() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job && NetworkRewrite.selectable(w)
              && net.unknownPeers() == NetworkSpec.UnknownPeers.Namespace) {
            // A Job's pod template is immutable, so it cannot carry the unknown-peers label: admitted by its own.
            unmanagedPods.add(PolicyParts.podSelector(w));
          }
        }
      }
    }

    /** Finds peers at runtime other than through a mesh (whose sidecars call the Service ports). */
    boolean registers(Workload w) {
      return !flows.runtimePeers(w).isEmpty() && RuntimePeers.mesh(inv, w) == null;
    }

    boolean isUnknown(Workload w) {
      return NetworkRewrite.unknown(flows, w, forced);
    }

    /** Pods that talk to the API server: their token is mounted and used, or their config names it. */
    boolean usesApi(Workload w) {
      return flows.namesApiServer(w)
          || !Boolean.FALSE.equals(w.pod().getAutomountServiceAccountToken()) && ServiceAccountToken.usesApi(inv, w);
    }

    /** Whether the configured ingress controller serves the Ingress's class. */
    boolean served(Ingress ing) {
      String cls = Exposure.ingressClass(ing);
      return cls == null || net.ingressClassNames().contains(cls);
    }

    NetworkPolicy workloadPolicy(Workload w) {
      boolean namespaceMode = net.unknownPeers() == NetworkSpec.UnknownPeers.Namespace;
      List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
      // Sorted by peer: the order objects arrive in (a file, an informer cache) must not change a policy.
      for (FlowFacts.Flow f : NetworkRewrite.sortedBy(flows.flowsTo(w), FlowFacts.Flow::from)) {
        if (NetworkRewrite.selectable(f.from())) {
          ingress.add(PolicyParts.ingress(List.of(PolicyParts.pods(PolicyParts.podSelector(f.from()))), f.ports()));
        }
      }
      Set<Port> viaIngress = Exposure.ingressPorts(inv, w, this::served);
      if (!viaIngress.isEmpty()) {
        ingress.add(PolicyParts.ingress(List.of(PolicyParts.namespace(net.ingressControllerNamespace())), viaIngress));
      }
      Set<Port> otherClass = Exposure.ingressPorts(inv, w, i -> !served(i));
      if (!otherClass.isEmpty()) {
        // A controller the profile does not know serves it: reachable from every namespace (finding network.ingress-class).
        ingress.add(PolicyParts.ingress(List.of(PolicyParts.anyNamespace()), otherClass));
      }
      Set<Port> open = Exposure.publicPorts(inv, w);
      if (!open.isEmpty()) {
        ingress.add(PolicyParts.ingress(null, open));
      }
      Set<Port> scraped = Scraping.ports(inv, w);
      if (!scraped.isEmpty()) {
        ingress.add(PolicyParts.ingress(List.of(PolicyParts.namespace(net.monitoringNamespace())), scraped));
      }
      Set<Port> own = new TreeSet<>(Exposure.servicePorts(inv, w));
      own.addAll(RuntimePeers.sidecarPorts(w)); // a sidecar's own listener, called by its peers' sidecars
      if (registers(w)) {
        own.addAll(RuntimePeers.declaredPorts(w)); // called at the address it registers, Service or not
      }
      List<NetworkPolicyEgressRule> egress = new ArrayList<>();
      for (FlowFacts.Flow f : NetworkRewrite.sortedBy(flows.flowsFrom(w), FlowFacts.Flow::to)) {
        if (NetworkRewrite.selectable(f.to())) {
          egress.add(PolicyParts.egress(List.of(PolicyParts.pods(PolicyParts.podSelector(f.to()))), f.ports()));
        }
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
      if (namespaceMode && !flows.runtimePeers(w).isEmpty()) {
        // Peers found at runtime may be anywhere (a host from a missing Secret, a node-local agent, a
        // mesh's control plane): its egress stays open, as it was, and security.network-peers says why.
        egress.add(new NetworkPolicyEgressRule());
      }
      if (usesApi(w)) {
        // The API server is no pod: its address is the kubernetes Service's endpoint, unknown offline.
        egress.add(PolicyParts.egress(List.of(PolicyParts.cidr("0.0.0.0/0"), PolicyParts.cidr("::/0")), API_SERVER));
      }
      if (!net.egressCIDRs().isEmpty()) {
        egress.add(PolicyParts.egress(net.egressCIDRs().stream().map(PolicyParts::cidr).toList(), Set.of()));
      }
      if (namespaceMode) {
        // Unknown workloads carry the label UNKNOWN_PEER, so one rule each way covers all of them.
        if (isUnknown(w)) {
          if (!own.isEmpty()) {
            ingress.add(PolicyParts.ingress(List.of(PolicyParts.allPods()), own));
          }
          if (!everyServicePort.isEmpty()) {
            egress.add(PolicyParts.egress(List.of(PolicyParts.allPods()), everyServicePort));
          }
        } else {
          List<NetworkPolicyPeer> from = new ArrayList<>();
          from.add(PolicyParts.pods(Map.of(NetworkRewrite.UNKNOWN_PEER, "true")));
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
        List<NetworkPolicyPeer> foreignPods = foreign.stream().filter(f -> !f.labels().isEmpty())
            .map(f -> PolicyParts.pods(f.labels())).toList();
        if (!foreignPods.isEmpty()) {
          // Their flows and named ports are not read (no modelled pod template): every port.
          egress.add(PolicyParts.egress(foreignPods, Set.of()));
        }
      }
      return PolicyParts.policy(NetworkRewrite.policyName(w), inv.namespace(), PolicyParts.podSelector(w), ingress,
          egress, BOTH);
    }
  }
}
