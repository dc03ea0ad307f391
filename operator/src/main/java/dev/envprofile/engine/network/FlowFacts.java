package dev.envprofile.engine.network;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.config.Hosts;
import dev.envprofile.engine.credentials.CredentialNames;
import dev.envprofile.engine.credentials.SecretFiles;
import dev.envprofile.engine.credentials.SecretObjects;
import dev.envprofile.engine.facts.ConfigText;
import dev.envprofile.engine.facts.EnvEntry;
import dev.envprofile.engine.facts.EnvResolver;
import dev.envprofile.engine.facts.Expansion;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
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
 * The network flows the configuration names (docs/rules/network.md): from workload to workload
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
  private final Map<Workload, List<String>> runtime = new IdentityHashMap<>();
  private final Map<Workload, Boolean> apiServer = new IdentityHashMap<>();
  private final Map<Workload, Set<References.Ref>> absent = new IdentityHashMap<>();

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
      Reading read = new Reading(inv, endpoints, names);
      read.add(RuntimePeers.mesh(inv, w));
      for (Container c : w.allContainers()) {
        read.env(c, facts.env(c));
        read.envFrom(c);
        unreadableConfigMaps(inv, c, w, read.why);
        List<ConfigText> texts = new ArrayList<>(facts.texts(w, c));
        texts.addAll(read.secretFiles(c, w));
        read.texts(texts);
      }
      String declared = w.annotation(Labels.TALKS_TO);
      if (declared != null) {
        for (String name : declared.split("[,\\s]+")) {
          if (!name.isBlank()) {
            read.refs.add(parse(name.strip()));
          }
        }
      }
      for (References.Ref r : read.refs) {
        read.add(RuntimePeers.registryHost(r.host()));
        ff.resolve(inv, w, r, read.why, !read.fileOnly.contains(r));
      }
      if (!read.why.isEmpty()) {
        ff.runtime.put(w, List.copyOf(read.why));
      }
    }
    return ff;
  }

  /**
   * What one workload's configuration names, and the signs that it is not all: env values (after
   * the kubelet's $(VAR) expansion), envFrom, files from ConfigMaps and Secrets, command lines.
   */
  private static final class Reading {
    final Set<References.Ref> refs = new LinkedHashSet<>();
    /** Host:port pairs read only from files: a dashboard's "object:1058" is no peer, so a file's pair
     * that names no Service is not evidence of a missing one (env, command lines and URLs are). */
    final Set<References.Ref> fileOnly = new java.util.HashSet<>();
    final Set<String> why = new LinkedHashSet<>();
    private final Inventory inv;
    private final Map<String, Map<String, List<String>>> endpoints;
    private final CredentialNames names;

    Reading(Inventory inv, Map<String, Map<String, List<String>>> endpoints, CredentialNames names) {
      this.inv = inv;
      this.endpoints = endpoints;
      this.names = names;
    }

    void add(String reason) {
      if (reason != null) {
        why.add(reason);
      }
    }

    void env(Container c, List<EnvEntry> env) {
      Map<String, String> known = new java.util.HashMap<>();
      for (EnvEntry e : env) {
        if (e.value() != null) {
          known.put(e.name(), e.value());
        }
      }
      for (EnvEntry e : env) {
        add(RuntimePeers.registryVariable(e.name()));
        if (e.value() != null) {
          String value = Expansion.expand(e.value(), known);
          add(RuntimePeers.runtimeHost(e.name(), value));
          add(RuntimePeers.registryConfig("env " + e.name(), value));
          refs.addAll(References.in(value, !names.matches(e.name())));
        } else if (e.fromSecret() && endpoints.containsKey(e.sourceName())) {
          endpoints.get(e.sourceName()).getOrDefault(e.key(), List.of()).forEach(h -> refs.add(parse(h)));
        } else if (e.source() == EnvEntry.Source.OTHER) {
          add(RuntimePeers.fieldHost(e.name(), fieldPath(c, e.name())));
        } else if (RuntimePeers.hostNamed(e.name()) && !names.matches(e.name())) {
          why.add("env " + e.name() + " is read from " + e.origin().replace(" key " + e.key(), "")
              + ", which is not in the input");
        }
      }
    }

    void envFrom(Container c) {
      if (c.getEnvFrom() == null) {
        return;
      }
      for (EnvFromSource f : c.getEnvFrom()) {
        if (f.getSecretRef() != null && inv.secret(f.getSecretRef().getName()) == null) {
          Map<String, List<String>> hosts = endpoints.get(f.getSecretRef().getName());
          if (hosts != null) {
            hosts.values().forEach(l -> l.forEach(h -> refs.add(parse(h))));
          }
        } else if (f.getConfigMapRef() != null && inv.configMap(f.getConfigMapRef().getName()) == null) {
          why.add("its environment comes from ConfigMap/" + f.getConfigMapRef().getName() + ", which is not in the input");
        }
      }
    }

    /** Files of the Secrets mounted into the container, or the endpoints of the ExternalSecrets behind them. */
    List<ConfigText> secretFiles(Container c, Workload w) {
      List<ConfigText> out = new ArrayList<>();
      for (String secret : SecretFiles.mounted(c, w.pod())) {
        if (inv.secret(secret) != null) {
          out.addAll(SecretFiles.texts(inv.secret(secret)));
        } else if (endpoints.containsKey(secret)) {
          endpoints.get(secret).values().forEach(l -> l.forEach(h -> refs.add(parse(h))));
        }
      }
      return out;
    }

    void texts(List<ConfigText> texts) {
      for (ConfigText t : texts) {
        add(RuntimePeers.registryConfig(t.origin(), t.text()));
        for (References.Ref r : References.in(t.text(), false)) {
          if (refs.add(r) && t.origin().contains(" file ")) {
            fileOnly.add(r);
          }
        }
      }
    }
  }

  /** Mounted ConfigMaps the engine cannot read: missing from the input, or binary. */
  private static void unreadableConfigMaps(Inventory inv, Container c, Workload w, Set<String> why) {
    for (var v : EnvResolver.mountedVolumes(c, w.pod())) {
      if (v.getConfigMap() != null && v.getConfigMap().getName() != null) {
        var cm = inv.configMap(v.getConfigMap().getName());
        if (cm == null) {
          why.add("it mounts ConfigMap/" + v.getConfigMap().getName() + ", which is not in the input");
        } else if (cm.getBinaryData() != null && !cm.getBinaryData().isEmpty()) {
          why.add("it mounts binary files of ConfigMap/" + v.getConfigMap().getName() + ", which the engine cannot read");
        }
      }
    }
  }

  /** The fieldPath of the container's env entry of that name (status.hostIP and the like), or null. */
  private static String fieldPath(Container c, String name) {
    if (c.getEnv() == null) {
      return null;
    }
    for (var v : c.getEnv()) {
      if (name.equals(v.getName()) && v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null) {
        return v.getValueFrom().getFieldRef().getFieldPath();
      }
    }
    return null;
  }

  /** @param named read from env, a command line or a declaration (not a pair found in a file) */
  private void resolve(Inventory inv, Workload w, References.Ref r, Set<String> why, boolean named) {
    String host = r.host();
    if (isApiServer(inv, host)) {
      apiServer.put(w, Boolean.TRUE);
      return;
    }
    ClusterNames.Target t = ClusterNames.resolve(host, inv.namespace(), name -> inv.service(name) != null);
    if (t == null || t.maybeOutside()) {
      if (Hosts.isExternal(host) && (r.port() != null || host.chars().filter(ch -> ch == '.').count() > 1)) {
        external.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(r);
      }
      if (t == null) {
        return;
      }
    }
    String service = t.service();
    String ns = t.namespace();
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
      if (named && r.port() != null && !dev.envprofile.engine.config.Hosts.isLoopback(service)) {
        // host:port of a Service the input lacks: installed by something else (a Helm chart), or a
        // name the engine misread. Its pods would sit behind the default deny with no rule for them.
        why.add("it names " + r + ", but no Service " + service + " is in the input");
        if (dev.envprofile.engine.storage.StatefulServers.byPort(r.port()) != null) {
          // A database the app needs, installed by other means (a Helm chart): the default deny would cut
          // it off. An absent app Service is more often optional (a feature not deployed) and only noted.
          absent.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(new References.Ref(service, r.port()));
        }
      }
      return;
    }
    if (s.getSpec() != null && ("ExternalName".equals(s.getSpec().getType()) || s.getSpec().getSelector() == null
        || s.getSpec().getSelector().isEmpty())) {
      // No pods behind it: an ExternalName or hand-made endpoints lead outside the namespace's pods.
      String outside = "ExternalName".equals(s.getSpec().getType()) && s.getSpec().getExternalName() != null
          ? s.getSpec().getExternalName().toLowerCase(java.util.Locale.ROOT) : host;
      Integer port = r.port() != null ? r.port() : firstPort(s);
      external.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(new References.Ref(outside, port));
      return;
    }
    Integer port = ServicePorts.exposes(s, r.port()) ? r.port() : null;
    for (Workload backend : inv.backendsOf(s)) {
      // A workload may reach its own Service (a Kafka broker advertising it): a flow like any other.
      Set<Port> ports = ServicePorts.targets(s, backend, port);
      add(w, backend, ports);
    }
  }

  private static Integer firstPort(Service s) {
    return s.getSpec().getPorts() == null || s.getSpec().getPorts().isEmpty() ? null : s.getSpec().getPorts().get(0).getPort();
  }

  /** kubernetes.default[.svc[.cluster.local]], or a bare "kubernetes" where the namespace has no such Service. */
  private static boolean isApiServer(Inventory inv, String host) {
    return host.equals("kubernetes.default") || host.equals("kubernetes.default.svc")
        || host.equals("kubernetes.default.svc.cluster.local")
        || host.equals("kubernetes") && inv.service("kubernetes") == null;
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
    String port = c > 0 ? hostPort.substring(c + 1) : "";
    if (!port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(port);
      // A port outside 1..65535 names no port: the flow covers every port rather than an invalid one.
      return new References.Ref(hostPort.substring(0, c), n >= 1 && n <= 65535 ? n : null);
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

  /**
   * Known: at least one flow to or from another workload was inferred or declared, and nothing in
   * its configuration says that peers are found at runtime (docs/rules/network.md).
   */
  public boolean isKnown(Workload w) {
    return hasFlows(w) && runtimePeers(w).isEmpty();
  }

  /** At least one flow to or from another workload (itself excluded). */
  public boolean hasFlows(Workload w) {
    return flowsFrom(w).stream().anyMatch(f -> f.to() != w) || flowsTo(w).stream().anyMatch(f -> f.from() != w);
  }

  /** Why the workload's peers are (partly) found at runtime; empty when its configuration is all there is. */
  public List<String> runtimePeers(Workload w) {
    return runtime.getOrDefault(w, List.of());
  }

  /**
   * Data services of this namespace (by their well-known port) its configuration names (env, command
   * line) that the input lacks.
   */
  public Set<References.Ref> absentServices(Workload w) {
    return absent.getOrDefault(w, Set.of());
  }

  /** Its configuration names the Kubernetes API server (kubernetes.default.svc). */
  public boolean namesApiServer(Workload w) {
    return apiServer.containsKey(w);
  }
}
