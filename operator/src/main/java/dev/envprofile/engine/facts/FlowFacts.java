package dev.envprofile.engine.facts;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.config.Hosts;
import dev.envprofile.engine.credentials.CredentialNames;
import dev.envprofile.engine.credentials.SecretObjects;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.network.Port;
import dev.envprofile.engine.network.References;
import dev.envprofile.engine.network.ServicePorts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The network flows the configuration names (contract §3, Network): from workload to workload
 * (through a Service, on the pods' target ports), to Services of other namespaces, and to hosts
 * outside the cluster. Declared peers ({@code envprofile.dev/talks-to}) count like inferred ones.
 */
public final class FlowFacts {
  /** A flow between two workloads of the namespace; {@code ports} empty means every port. */
  public record Flow(Workload from, Workload to, Set<Port> ports) {}

  /** Egress to another namespace; {@code ports} empty means every port. */
  public record NamespaceFlow(String namespace, Set<Port> ports) {}

  private final Map<Workload, List<Flow>> from = new IdentityHashMap<>();
  private final Map<Workload, List<Flow>> to = new IdentityHashMap<>();
  private final Map<Workload, Map<String, Set<Port>>> namespaces = new IdentityHashMap<>();
  private final Map<Workload, Set<References.Ref>> external = new IdentityHashMap<>();

  private FlowFacts() {}

  public static FlowFacts compute(Facts facts) {
    FlowFacts ff = new FlowFacts();
    Inventory inv = facts.inventory();
    Map<String, Map<String, List<String>>> endpoints = endpoints(inv);
    CredentialNames names = facts.credentials().names();
    for (Workload w : inv.allWorkloads()) {
      ff.from.putIfAbsent(w, new ArrayList<>());
      ff.to.putIfAbsent(w, new ArrayList<>());
    }
    for (Workload w : inv.allWorkloads()) {
      Set<References.Ref> refs = new LinkedHashSet<>();
      for (Container c : w.allContainers()) {
        for (EnvEntry e : facts.env(c)) {
          if (e.value() != null) {
            refs.addAll(References.in(e.value(), !names.matches(e.name())));
          } else if (e.fromSecret()) {
            endpoints.getOrDefault(e.sourceName(), Map.of()).getOrDefault(e.key(), List.of()).forEach(h -> refs.add(parse(h)));
          }
        }
        if (c.getEnvFrom() != null) {
          for (EnvFromSource f : c.getEnvFrom()) {
            if (f.getSecretRef() != null && inv.secret(f.getSecretRef().getName()) == null) {
              endpoints.getOrDefault(f.getSecretRef().getName(), Map.of()).values()
                  .forEach(l -> l.forEach(h -> refs.add(parse(h))));
            }
          }
        }
        for (ConfigText t : facts.texts(w, c)) {
          refs.addAll(References.in(t.text(), false));
        }
      }
      String declared = w.annotation(Labels.TALKS_TO);
      if (declared != null) {
        for (String name : declared.split("[,\\s]+")) {
          if (!name.isBlank()) {
            refs.add(parse(name.strip()));
          }
        }
      }
      for (References.Ref r : refs) {
        ff.resolve(inv, w, r);
      }
    }
    return ff;
  }

  private void resolve(Inventory inv, Workload w, References.Ref r) {
    String host = r.host();
    String[] labels = host.split("\\.");
    String service;
    String ns;
    if (labels.length == 1) {
      service = host;
      ns = inv.namespace();
    } else if (host.endsWith(".svc") || host.contains(".svc.") || host.endsWith(".cluster.local")) {
      service = labels[0];
      ns = labels[1];
    } else if (labels.length == 2 && labels[1].equals(inv.namespace())) {
      service = labels[0];
      ns = labels[1];
    } else {
      if (Hosts.isExternal(host) && (r.port() != null || labels.length > 2)) {
        external.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(r);
      }
      return;
    }
    if (!ns.equals(inv.namespace())) {
      Set<Port> ports = namespaces.computeIfAbsent(w, k -> new TreeMap<>()).computeIfAbsent(ns, k -> new TreeSet<>());
      if (r.port() != null) {
        ports.add(Port.tcp(r.port()));
      } else {
        ports.clear(); // no port named: every port
        namespaces.get(w).put(ns, new TreeSet<>(Set.of(new Port(0, "ANY"))));
      }
      return;
    }
    Service s = inv.service(service);
    if (s == null) {
      return;
    }
    Integer port = ServicePorts.exposes(s, r.port()) ? r.port() : null;
    for (Workload backend : inv.backendsOf(s)) {
      if (backend == w) {
        continue;
      }
      Set<Port> ports = ServicePorts.targets(s, backend, port);
      add(w, backend, ports);
    }
  }

  private void add(Workload a, Workload b, Set<Port> ports) {
    for (Flow f : from.get(a)) {
      if (f.to() == b) {
        f.ports().addAll(ports);
        return;
      }
    }
    Flow f = new Flow(a, b, new TreeSet<>(ports));
    from.get(a).add(f);
    to.get(b).add(f);
  }

  private static References.Ref parse(String hostPort) {
    int c = hostPort.lastIndexOf(':');
    if (c > 0 && hostPort.substring(c + 1).matches("\\d+")) {
      return new References.Ref(hostPort.substring(0, c), Integer.valueOf(hostPort.substring(c + 1)));
    }
    return new References.Ref(hostPort, null);
  }

  /** Secret name to key to hosts, from the endpoints annotation of managed ExternalSecrets. */
  private static Map<String, Map<String, List<String>>> endpoints(Inventory inv) {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    for (HasMetadata o : inv.objects()) {
      if (o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind()) && Labels.isManaged(g)) {
        out.put(SecretObjects.externalSecretTarget(g), SecretObjects.endpoints(g));
      }
    }
    return out;
  }

  /** Flows that start at the workload, in discovery order. */
  public List<Flow> flowsFrom(Workload w) {
    return from.getOrDefault(w, List.of());
  }

  public List<Flow> flowsTo(Workload w) {
    return to.getOrDefault(w, List.of());
  }

  /** Namespace to ports (a single port 0/ANY means every port). */
  public Map<String, Set<Port>> namespaceFlows(Workload w) {
    return namespaces.getOrDefault(w, Map.of());
  }

  /** Hosts outside the cluster the workload's configuration names (host[:port], never userinfo). */
  public Set<References.Ref> externalHosts(Workload w) {
    return external.getOrDefault(w, Set.of());
  }

  /** Known: at least one flow to or from another workload was inferred or declared. */
  public boolean isKnown(Workload w) {
    return !flowsFrom(w).isEmpty() || !flowsTo(w).isEmpty();
  }
}
