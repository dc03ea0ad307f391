package dev.envprofile.engine.network;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Service port resolved to the port its backend pods listen on: NetworkPolicies match the pod's
 * port, not the Service's. A named targetPort is looked up in the backend's container ports.
 */
public final class ServicePorts {
  private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("TCP", "UDP", "SCTP");
  private ServicePorts() {}

  /** Target ports of the Service on this backend; {@code port} limits to one Service port (null: all). */
  public static Set<Port> targets(Service s, Workload backend, Integer port) {
    Set<Port> out = new TreeSet<>();
    if (s.getSpec() == null || s.getSpec().getPorts() == null) {
      return out;
    }
    for (ServicePort sp : s.getSpec().getPorts()) {
      if (port != null && !port.equals(sp.getPort())) {
        continue;
      }
      String protocol = sp.getProtocol() == null ? "TCP" : sp.getProtocol();
      Integer target = resolve(sp.getTargetPort(), sp.getPort(), backend);
      // A port a policy cannot name (0, out of range, a bad protocol) is left out rather than emitted:
      // the API server would refuse the whole policy and, behind the default deny, every flow with it.
      if (target != null && target >= 1 && target <= 65535 && PROTOCOLS.contains(protocol)) {
        out.add(new Port(target, protocol));
      }
    }
    return out;
  }

  /** Whether the Service exposes that port (or, with null, any). */
  public static boolean exposes(Service s, Integer port) {
    return port == null || s.getSpec() != null && s.getSpec().getPorts() != null
        && s.getSpec().getPorts().stream().anyMatch(p -> port.equals(p.getPort()));
  }

  /** As the API server defaults it: no targetPort, 0 or "" means the Service's own port. */
  private static Integer resolve(IntOrString target, Integer port, Workload backend) {
    if (target == null || target.getIntVal() != null && target.getIntVal() == 0
        || target.getIntVal() == null && (target.getStrVal() == null || target.getStrVal().isEmpty())) {
      return port;
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    String name = target.getStrVal();
    if (name.length() <= 5 && name.chars().allMatch(Character::isDigit)) {
      return Integer.valueOf(name);
    }
    for (Container c : backend.allContainers()) {
      if (c.getPorts() != null) {
        for (ContainerPort cp : c.getPorts()) {
          if (name != null && name.equals(cp.getName())) {
            return cp.getContainerPort();
          }
        }
      }
    }
    return null;
  }
}
