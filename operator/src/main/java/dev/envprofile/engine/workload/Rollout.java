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

  /** Whether the Deployment rolls with explicit bounds of at most one unavailable pod. */
  public static boolean bounded(Deployment d) {
    DeploymentStrategy s = d.getSpec().getStrategy();
    if (s == null || s.getType() != null && !"RollingUpdate".equals(s.getType()) || s.getRollingUpdate() == null) {
      return false;
    }
    IntOrString mu = s.getRollingUpdate().getMaxUnavailable();
    if (mu == null) {
      return false;
    }
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    return resolve(mu, replicas) <= 1;
  }

  public static boolean isRecreate(Deployment d) {
    return d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
  }

  /** @return whether anything changed */
  public static boolean apply(Deployment d, boolean holdsClaim) {
    if (bounded(d)) {
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
