package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How traffic enters the namespace: Ingress backends and LoadBalancer/NodePort Services. */
public final class Exposure {
  private Exposure() {}

  public static boolean isExposedType(Service s) {
    String t = s.getSpec() == null ? null : s.getSpec().getType();
    return "LoadBalancer".equals(t) || "NodePort".equals(t);
  }

  /** Target ports on which an Ingress controller reaches the workload. */
  public static Set<Port> ingressPorts(Inventory inv, Workload w) {
    return ingressPorts(inv, w, ing -> true);
  }

  /** The class an Ingress asks for (spec.ingressClassName, else the legacy annotation), or null for the default. */
  public static String ingressClass(Ingress ing) {
    if (ing.getSpec() != null && ing.getSpec().getIngressClassName() != null && !ing.getSpec().getIngressClassName().isEmpty()) {
      return ing.getSpec().getIngressClassName();
    }
    var a = ing.getMetadata().getAnnotations();
    String legacy = a == null ? null : a.get("kubernetes.io/ingress.class");
    return legacy == null || legacy.isEmpty() ? null : legacy;
  }

  /** Target ports on which the controllers of the Ingresses {@code which} accepts reach the workload. */
  public static Set<Port> ingressPorts(Inventory inv, Workload w, java.util.function.Predicate<Ingress> which) {
    Set<Port> out = new TreeSet<>();
    for (Ingress ing : inv.ingresses()) {
      if (!which.test(ing)) {
        continue;
      }
      for (IngressBackend b : backends(ing)) {
        if (b.getService() == null) {
          continue;
        }
        Service s = inv.service(b.getService().getName());
        if (s == null || !inv.backendsOf(s).contains(w)) {
          continue;
        }
        Integer port = b.getService().getPort() == null ? null : b.getService().getPort().getNumber();
        String name = b.getService().getPort() == null ? null : b.getService().getPort().getName();
        if (port == null && name != null && s.getSpec().getPorts() != null) {
          port = s.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).map(p -> p.getPort())
              .findFirst().orElse(null);
        }
        out.addAll(ServicePorts.targets(s, w, port));
      }
    }
    return out;
  }

  /** Target ports of LoadBalancer and NodePort Services in front of the workload. */
  public static Set<Port> publicPorts(Inventory inv, Workload w) {
    Set<Port> out = new TreeSet<>();
    for (Service s : inv.servicesOf(w)) {
      if (isExposedType(s)) {
        out.addAll(ServicePorts.targets(s, w, null));
      }
    }
    return out;
  }

  /** Target ports of every Service in front of the workload: how peers find it by name. */
  public static Set<Port> servicePorts(Inventory inv, Workload w) {
    Set<Port> out = new TreeSet<>();
    for (Service s : inv.servicesOf(w)) {
      out.addAll(ServicePorts.targets(s, w, null));
    }
    return out;
  }

  static List<IngressBackend> backends(Ingress ing) {
    List<IngressBackend> out = new ArrayList<>();
    if (ing.getSpec() == null) {
      return out;
    }
    if (ing.getSpec().getDefaultBackend() != null) {
      out.add(ing.getSpec().getDefaultBackend());
    }
    if (ing.getSpec().getRules() != null) {
      for (IngressRule r : ing.getSpec().getRules()) {
        if (r.getHttp() != null && r.getHttp().getPaths() != null) {
          for (HTTPIngressPath p : r.getHttp().getPaths()) {
            if (p.getBackend() != null) {
              out.add(p.getBackend());
            }
          }
        }
      }
    }
    return out;
  }
}
