package dev.envprofile.engine.rewrite;

/** Pod-level hardening: env overrides, registry rewrites, pull policy, resources, probes, rollout, spread, replicas, pod security, service account token. */
public final class WorkloadRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
