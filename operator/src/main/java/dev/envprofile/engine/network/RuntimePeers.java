package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signs that a workload finds (some of) its peers at runtime, so that what its configuration names
 * is not all it talks to: a service registry (Consul, Eureka, Nacos), a service mesh, hosts taken
 * from the pod's fields or built from variables. Such a workload keeps the unknown-peer fallback
 * whatever flows were read (docs/rules/network.md). Every scan is a plain substring search: tenant
 * values are never run through a backtracking pattern.
 */
public final class RuntimePeers {
  /** Name words of a registry or discovery client (env names, hosts, config keys). */
  private static final List<String> REGISTRY_WORDS = List.of("consul", "eureka", "nacos", "discovery");
  /** "registry" names a service registry unless it is one of these (images, schemas, packages). */
  private static final List<String> NOT_A_SERVICE_REGISTRY = List.of("schema", "image", "docker", "container",
      "npm", "pip", "maven", "helm", "oci");
  /** Config keys of discovery clients inside files. */
  private static final List<String> CONFIG_KEYS = List.of("eureka.client", "spring.cloud.consul",
      "spring.cloud.nacos", "spring.cloud.zookeeper.discovery", "spring.cloud.kubernetes.discovery",
      "consul://", "eureka/", "dubbo.registry", "micro_registry",
      // Prometheus finds its scrape targets at runtime.
      "kubernetes_sd_configs", "consul_sd_configs", "dns_sd_configs", "ec2_sd_configs", "file_sd_configs");
  /** Pod annotations that inject a mesh sidecar, with the value that turns it on. */
  private static final Map<String, String> MESH_ANNOTATIONS = Map.of(
      "sidecar.istio.io/inject", "true", "linkerd.io/inject", "enabled",
      "consul.hashicorp.com/connect-inject", "true", "dapr.io/enabled", "true",
      "kuma.io/sidecar-injection", "enabled", "openservicemesh.io/sidecar-injection", "enabled");
  private static final Set<String> MESH_CONTAINERS = Set.of("istio-proxy", "linkerd-proxy", "daprd",
      "consul-dataplane", "consul-connect-envoy-sidecar", "kuma-sidecar", "envoy-sidecar");
  /** Words of an env name whose value is a host or an address. */
  private static final List<String> HOST_WORDS = List.of("HOST", "ADDR", "URL", "URI", "DSN", "ENDPOINT", "SERVER",
      "BROKER", "CONNECTION");
  /** Pod fields that are addresses: a variable set from one of them is a host found at runtime. */
  private static final Set<String> ADDRESS_FIELDS = Set.of("status.hostIP", "status.hostIPs", "status.podIP",
      "status.podIPs", "spec.nodeName");
  /** Bytes of one value that are searched; a longer value is searched in its head only. */
  static final int MAX_SCAN = 256 * 1024;

  private RuntimePeers() {}

  /** A service mesh sidecar or its injection: peers go through a control plane the namespace cannot see. */
  public static String mesh(Inventory inv, Workload w) {
    Map<String, String> a = w.template().getMetadata() == null ? null : w.template().getMetadata().getAnnotations();
    if (a != null) {
      for (Map.Entry<String, String> e : MESH_ANNOTATIONS.entrySet()) {
        if (e.getValue().equalsIgnoreCase(a.getOrDefault(e.getKey(), ""))) {
          return "its pods carry " + e.getKey() + ": " + e.getValue() + " (a service mesh routes its traffic)";
        }
      }
    }
    for (Container c : w.allContainers()) {
      if (c.getName() != null && MESH_CONTAINERS.contains(c.getName())) {
        return "it runs the mesh sidecar " + c.getName();
      }
    }
    // The inventory's per-kind list: scanning every object for each workload made a 100,000-object
    // audit quadratic (114 s, against 15 s).
    for (Namespace n : inv.all(Namespace.class)) {
      if (inv.namespace().equals(n.getMetadata().getName()) && n.getMetadata().getLabels() != null) {
        Map<String, String> l = n.getMetadata().getLabels();
        boolean istio = "enabled".equals(l.get("istio-injection")) || l.containsKey("istio.io/rev");
        if (istio) {
          return "its namespace has Istio sidecar injection on";
        }
      }
    }
    return null;
  }

  /**
   * Ports on which an injected sidecar accepts connections from other pods that no manifest of the
   * input declares: Dapr's sidecars call each other on 50002 (through the {@code <app-id>-dapr}
   * Service the Dapr operator creates), Consul Connect's Envoy listens on 20000. Istio, Linkerd and
   * Kuma redirect inside the pod: traffic still arrives on the application's own ports.
   */
  public static Set<Port> sidecarPorts(Workload w) {
    Map<String, String> a = w.template().getMetadata() == null ? null : w.template().getMetadata().getAnnotations();
    a = a == null ? Map.of() : a;
    Set<Port> out = new java.util.TreeSet<>();
    boolean dapr = "true".equalsIgnoreCase(a.getOrDefault("dapr.io/enabled", ""));
    boolean consul = "true".equalsIgnoreCase(a.getOrDefault("consul.hashicorp.com/connect-inject", ""));
    for (Container c : w.allContainers()) {
      dapr |= "daprd".equals(c.getName());
      consul |= "consul-dataplane".equals(c.getName()) || "consul-connect-envoy-sidecar".equals(c.getName());
    }
    if (dapr) {
      out.add(Port.tcp(50002));
    }
    if (consul) {
      out.add(Port.tcp(20000));
    }
    return out;
  }

  /** An env variable that names a registry client ("CONSUL_HTTP_ADDR", "EUREKA_URI"), or null. */
  public static String registryVariable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : REGISTRY_WORDS) {
      if (lower.contains(word)) {
        return "env " + name + " configures a service registry client";
      }
    }
    if (lower.contains("registry") && NOT_A_SERVICE_REGISTRY.stream().noneMatch(lower::contains)) {
      return "env " + name + " names a service registry";
    }
    if (lower.startsWith("se_event_bus_") || lower.startsWith("se_hub_")) {
      return "env " + name + " registers it with a Selenium Grid hub, which calls it back at its pod address";
    }
    return null;
  }

  /**
   * Ports the workload's containers declare. A workload that registers with a registry is called
   * at the address it registers (its pod's, on the port it listens on), often with no Service at all.
   */
  public static Set<Port> declaredPorts(Workload w) {
    Set<Port> out = new java.util.TreeSet<>();
    for (Container c : w.containers()) {
      if (c.getPorts() != null) {
        for (io.fabric8.kubernetes.api.model.ContainerPort p : c.getPorts()) {
          String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
          if (p.getContainerPort() != null && p.getContainerPort() >= 1 && p.getContainerPort() <= 65535
              && Set.of("TCP", "UDP", "SCTP").contains(protocol)) {
            out.add(new Port(p.getContainerPort(), protocol));
          }
        }
      }
    }
    return out;
  }

  /** A host that is a registry server ("consul", "eureka-server", "teastore-registry"), or null. */
  public static String registryHost(String host) {
    String first = host.toLowerCase(Locale.ROOT);
    int dot = first.indexOf('.');
    if (dot > 0) {
      first = first.substring(0, dot);
    }
    for (String word : REGISTRY_WORDS) {
      if (first.contains(word)) {
        return "it talks to " + host + ", a service registry";
      }
    }
    if (first.contains("registry") && NOT_A_SERVICE_REGISTRY.stream().noneMatch(first::contains)) {
      return "it talks to " + host + ", a service registry";
    }
    return null;
  }

  /** A config file or command line that configures a discovery client, or null. */
  public static String registryConfig(String origin, String text) {
    String head = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
    String lower = head.toLowerCase(Locale.ROOT);
    for (String key : CONFIG_KEYS) {
      if (lower.contains(key)) {
        return origin + " configures service discovery (" + key + ")";
      }
    }
    return null;
  }

  /**
   * A value whose host is only known at runtime: a variable in host position ({@code http://$(HOST):80},
   * {@code ${DB_HOST}:5432}, or a host-named variable set from another variable), after the
   * variables the kubelet expands have been expanded.
   */
  public static String runtimeHost(String name, String value) {
    if (value == null || value.indexOf('$') < 0) {
      return null;
    }
    String v = value.length() > MAX_SCAN ? value.substring(0, MAX_SCAN) : value;
    for (int i = v.indexOf('$'); i >= 0; i = v.indexOf('$', i + 1)) {
      if (!startsVariable(v, i)) {
        continue;
      }
      boolean afterScheme = i >= 3 && v.startsWith("://", i - 3);
      boolean afterUser = i >= 1 && v.charAt(i - 1) == '@';
      if (afterScheme || afterUser || followedByPort(v, i) || i == 0 && hostNamed(name)) {
        return "env " + name + " builds a host from a variable the engine cannot resolve";
      }
    }
    return null;
  }

  /** A variable set from the pod's address fields (status.hostIP): a node-local agent, found at runtime. */
  public static String fieldHost(String name, String fieldPath) {
    return fieldPath != null && ADDRESS_FIELDS.contains(fieldPath)
        ? "env " + name + " takes its host from the pod's fields (" + fieldPath + ": a node-local agent)" : null;
  }

  /** Whether an env name says its value is a host, an address or a URL. */
  public static boolean hostNamed(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (String w : HOST_WORDS) {
      if (upper.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsVariable(String v, int i) {
    if (i + 1 >= v.length()) {
      return false;
    }
    char c = v.charAt(i + 1);
    return c == '(' || c == '{' || c == '_' || Character.isLetter(c);
  }

  /** "${X}:5432": the variable is followed by a port, so it stands for a host. */
  private static boolean followedByPort(String v, int dollar) {
    char open = v.charAt(dollar + 1);
    int end;
    if (open == '(' || open == '{') {
      // Variable names are short: a bounded look keeps a value of many "${" linear.
      char close = open == '(' ? ')' : '}';
      end = dollar + 2;
      while (end < v.length() && end - dollar < 256 && v.charAt(end) != close) {
        end++;
      }
      if (end >= v.length() || v.charAt(end) != close) {
        return false;
      }
      end++;
    } else {
      end = dollar + 1;
      while (end < v.length() && (Character.isLetterOrDigit(v.charAt(end)) || v.charAt(end) == '_')) {
        end++;
      }
    }
    return end + 1 < v.length() && v.charAt(end) == ':' && Character.isDigit(v.charAt(end + 1));
  }
}
