package dev.envprofile.engine.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;

/**
 * tcpSocket readiness and liveness probes on the first declared TCP port, and a startupProbe
 * (10 s period, 30 failures: five minutes) so that slow starters are not killed while they start.
 */
public final class Probes {
  private Probes() {}

  public static boolean missing(Container c) {
    return c.getReadinessProbe() == null || c.getLivenessProbe() == null;
  }

  /** The first declared TCP port, or null. */
  public static Integer firstPort(Container c) {
    if (c.getPorts() == null) {
      return null;
    }
    for (ContainerPort p : c.getPorts()) {
      if (p.getContainerPort() != null && (p.getProtocol() == null || "TCP".equals(p.getProtocol()))) {
        return p.getContainerPort();
      }
    }
    return null;
  }

  /** @return whether anything was added */
  public static boolean apply(Container c) {
    Integer port = firstPort(c);
    if (port == null || !missing(c)) {
      return false;
    }
    if (c.getReadinessProbe() == null) {
      c.setReadinessProbe(tcp(port, 10, 3));
    }
    if (c.getLivenessProbe() == null) {
      c.setLivenessProbe(tcp(port, 10, 3));
      if (c.getStartupProbe() == null) {
        c.setStartupProbe(tcp(port, 10, 30));
      }
    }
    return true;
  }

  private static Probe tcp(int port, int period, int failures) {
    Probe p = new Probe();
    p.setTcpSocket(new TCPSocketAction(null, new IntOrString(port)));
    p.setPeriodSeconds(period);
    p.setFailureThreshold(failures);
    return p;
  }
}
