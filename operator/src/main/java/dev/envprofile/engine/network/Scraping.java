package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Selectors;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports on which Prometheus scrapes a workload's pods, so that a default deny keeps the metrics
 * flowing: the {@code prometheus.io/scrape} and {@code prometheus.io/port} annotations (on the pod
 * template or on a Service in front of it), ServiceMonitors (by Service port name or target port)
 * and PodMonitors (by container port name).
 */
public final class Scraping {
  private static final String SCRAPE = "prometheus.io/scrape";
  private static final String PORT = "prometheus.io/port";

  private Scraping() {}

  /** Target ports scraped on the workload's pods; empty when nothing scrapes it. */
  public static Set<Port> ports(Inventory inv, Workload w) {
    Set<Port> out = new TreeSet<>();
    Map<String, String> podAnnotations = w.template().getMetadata() == null ? null
        : w.template().getMetadata().getAnnotations();
    annotated(podAnnotations, w, out);
    for (Service s : inv.servicesOf(w)) {
      if (s.getMetadata().getAnnotations() != null && "true".equals(s.getMetadata().getAnnotations().get(SCRAPE))) {
        String port = s.getMetadata().getAnnotations().get(PORT);
        if (port != null && isPort(port)) {
          out.add(Port.tcp(Integer.parseInt(port)));
        } else {
          out.addAll(ServicePorts.targets(s, w, null));
        }
      }
    }
    // The inventory's per-kind list, not every object: this runs once per workload.
    for (GenericKubernetesResource g : inv.all(GenericKubernetesResource.class)) {
      if ("monitoring.coreos.com".equals(group(g))) {
        if ("ServiceMonitor".equals(g.getKind())) {
          serviceMonitor(inv, w, g, out);
        } else if ("PodMonitor".equals(g.getKind())) {
          podMonitor(w, g, out);
        }
      }
    }
    return out;
  }

  private static void annotated(Map<String, String> a, Workload w, Set<Port> out) {
    if (a == null || !"true".equals(a.get(SCRAPE))) {
      return;
    }
    String port = a.get(PORT);
    if (port != null && isPort(port)) {
      out.add(Port.tcp(Integer.parseInt(port)));
      return;
    }
    for (Container c : w.containers()) {
      if (c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (p.getContainerPort() != null && p.getContainerPort() > 0 && p.getContainerPort() <= 65535) {
            out.add(new Port(p.getContainerPort(), p.getProtocol() == null ? "TCP" : p.getProtocol()));
          }
        }
      }
    }
  }

  private static void serviceMonitor(Inventory inv, Workload w, GenericKubernetesResource g, Set<Port> out) {
    LabelSelector sel = selector(g);
    if (sel == null) {
      return;
    }
    for (Service s : inv.servicesOf(w)) {
      Map<String, String> labels = s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
      if (!Selectors.matches(sel, labels)) {
        continue;
      }
      for (Map<?, ?> e : list(g, "endpoints")) {
        Object name = e.get("port");
        Object target = e.get("targetPort");
        if (name instanceof String n && s.getSpec().getPorts() != null) {
          for (ServicePort sp : s.getSpec().getPorts()) {
            if (n.equals(sp.getName())) {
              out.addAll(ServicePorts.targets(s, w, sp.getPort()));
            }
          }
        } else if (target instanceof Integer t && t > 0 && t <= 65535) {
          out.add(Port.tcp(t));
        } else if (target instanceof String t) {
          Integer p = namedPort(w, t);
          if (p != null) {
            out.add(Port.tcp(p));
          }
        }
      }
    }
  }

  private static void podMonitor(Workload w, GenericKubernetesResource g, Set<Port> out) {
    LabelSelector sel = selector(g);
    if (sel == null || !Selectors.matches(sel, w.podLabels())) {
      return;
    }
    for (Map<?, ?> e : list(g, "podMetricsEndpoints")) {
      if (e.get("port") instanceof String n) {
        Integer p = namedPort(w, n);
        if (p != null) {
          out.add(Port.tcp(p));
        }
      }
    }
  }

  private static Integer namedPort(Workload w, String name) {
    for (Container c : w.allContainers()) {
      if (c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (name.equals(p.getName()) && p.getContainerPort() != null) {
            return p.getContainerPort();
          }
        }
      }
    }
    return null;
  }

  private static String group(GenericKubernetesResource g) {
    String v = g.getApiVersion();
    return v == null || v.indexOf('/') < 0 ? "" : v.substring(0, v.indexOf('/'));
  }

  private static LabelSelector selector(GenericKubernetesResource g) {
    if (g.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec && spec.get("selector") instanceof Map<?, ?> s) {
      LabelSelector sel = new LabelSelector();
      if (s.get("matchLabels") instanceof Map<?, ?> m) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        sel.setMatchLabels(labels);
      }
      return sel.getMatchLabels() == null ? null : sel;
    }
    return null;
  }

  private static List<Map<?, ?>> list(GenericKubernetesResource g, String field) {
    if (g.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec && spec.get(field) instanceof List<?> l) {
      return l.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }
    return List.of();
  }

  private static boolean isPort(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int n = Integer.parseInt(s);
    return n >= 1 && n <= 65535;
  }
}
