package dev.envprofile.engine.rewrite;

/** Replicas, resources, probes, rollout, spread, pull policy and registry rewrites. */
public final class WorkloadRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
