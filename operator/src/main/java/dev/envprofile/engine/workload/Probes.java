package dev.envprofile.engine.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;

/**
 * tcpSocket readiness and liveness probes on the first declared TCP port, and a startupProbe
 * (10 s period, 30 failures: five minutes) so that slow starters are not killed while they start.
 * The liveness probe waits four times as long as the readiness probe (20 s period, 6 failures: two
 * minutes against thirty seconds): a busy pod leaves the Service first and is restarted only if it
 * stays unresponsive, so the two are never identical ({@code workload.probe-distinct}).
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
      c.setLivenessProbe(tcp(port, 20, 6));
      if (c.getStartupProbe() == null) {
        c.setStartupProbe(tcp(port, 10, 30));
      }
    }
    return true;
  }

  /**
   * Whether the liveness probe is the readiness probe: the same check (command, HTTP request, TCP
   * port or gRPC service) giving up no later. Such a liveness probe restarts a pod that is only
   * busy, at the moment it leaves the Service.
   */
  public static boolean identical(Container c) {
    Probe r = c.getReadinessProbe();
    Probe l = c.getLivenessProbe();
    if (r == null || l == null || !sameHandler(r, l)) {
      return false;
    }
    return window(l) <= window(r);
  }

  /** How long a probe fails before it acts: period times failure threshold, with the API's defaults. */
  static long window(Probe p) {
    long period = p.getPeriodSeconds() == null ? 10 : p.getPeriodSeconds();
    long failures = p.getFailureThreshold() == null ? 3 : p.getFailureThreshold();
    return period * failures;
  }

  private static boolean sameHandler(Probe r, Probe l) {
    if (r.getExec() != null && l.getExec() != null) {
      return java.util.Objects.equals(r.getExec().getCommand(), l.getExec().getCommand());
    }
    if (r.getHttpGet() != null && l.getHttpGet() != null) {
      var a = r.getHttpGet();
      var b = l.getHttpGet();
      return java.util.Objects.equals(path(a.getPath()), path(b.getPath())) && java.util.Objects.equals(a.getPort(), b.getPort())
          && java.util.Objects.equals(a.getHost(), b.getHost()) && java.util.Objects.equals(a.getScheme(), b.getScheme());
    }
    if (r.getTcpSocket() != null && l.getTcpSocket() != null) {
      return java.util.Objects.equals(r.getTcpSocket().getPort(), l.getTcpSocket().getPort());
    }
    if (r.getGrpc() != null && l.getGrpc() != null) {
      return java.util.Objects.equals(r.getGrpc().getPort(), l.getGrpc().getPort())
          && java.util.Objects.equals(r.getGrpc().getService(), l.getGrpc().getService());
    }
    return false;
  }

  private static String path(String p) {
    return p == null || p.isEmpty() ? "/" : p;
  }

  private static Probe tcp(int port, int period, int failures) {
    Probe p = new Probe();
    p.setTcpSocket(new TCPSocketAction(null, new IntOrString(port)));
    p.setPeriodSeconds(period);
    p.setFailureThreshold(failures);
    return p;
  }
}
