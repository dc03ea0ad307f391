package dev.envprofile.engine.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * Rollout bounds: a Deployment rolls with at most one pod unavailable. Stateless ones surge first
 * (maxUnavailable 0, maxSurge 1); ones holding a claim stop the old pod first (maxSurge 0,
 * maxUnavailable 1), because a ReadWriteOnce volume cannot be mounted by two pods on two nodes.
 */
public final class Rollout {
  private Rollout() {}

  /**
   * Whether the Deployment rolls with at most one pod unavailable. A missing strategy is what the
   * API server makes of it (RollingUpdate, 25%/25%), so that a manifest and the live object it
   * becomes are judged alike: 25% of up to 7 replicas rounds down to at most one pod.
   */
  public static boolean bounded(Deployment d) {
    return bounded(d, false, d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas());
  }

  /**
   * Judged at {@code replicas}, the largest count the Deployment can reach (its autoscaler's
   * maximum): percentages grow with it. With a claim, a surge pod would wait for a ReadWriteOnce
   * volume the old pod holds: no surge.
   */
  public static boolean bounded(Deployment d, boolean holdsClaim, int replicas) {
    DeploymentStrategy s = d.getSpec().getStrategy();
    if (s != null && s.getType() != null && !"RollingUpdate".equals(s.getType())) {
      return false;
    }
    IntOrString mu = s == null || s.getRollingUpdate() == null || s.getRollingUpdate().getMaxUnavailable() == null
        ? new IntOrString("25%") : s.getRollingUpdate().getMaxUnavailable();
    if (holdsClaim) {
      IntOrString ms = s == null || s.getRollingUpdate() == null || s.getRollingUpdate().getMaxSurge() == null
          ? new IntOrString("25%") : s.getRollingUpdate().getMaxSurge();
      if (resolveUp(ms, replicas) > 0) {
        return false;
      }
    }
    return resolve(mu, replicas) <= 1;
  }

  public static boolean isRecreate(Deployment d) {
    return d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
  }

  /** @return whether anything changed */
  public static boolean apply(Deployment d, boolean holdsClaim, int replicas) {
    if (bounded(d, holdsClaim, replicas)) {
      return false;
    }
    if (holdsClaim && isRecreate(d)) {
      return false; // stopping the old pod first is exactly what a ReadWriteOnce claim needs
    }
    RollingUpdateDeployment ru = new RollingUpdateDeployment(
        new IntOrString(holdsClaim ? 0 : 1), new IntOrString(holdsClaim ? 1 : 0));
    d.getSpec().setStrategy(new DeploymentStrategy(ru, "RollingUpdate"));
    return true;
  }

  /** maxSurge rounds up. */
  private static int resolveUp(IntOrString v, int replicas) {
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s != null && s.endsWith("%")) {
      try {
        return (int) Math.ceil(Integer.parseInt(s.substring(0, s.length() - 1)) * replicas / 100.0);
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static int resolve(IntOrString v, int replicas) {
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s != null && s.endsWith("%")) {
      try {
        return (int) Math.floor(Integer.parseInt(s.substring(0, s.length() - 1)) * replicas / 100.0);
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
    return Integer.MAX_VALUE;
  }
}
