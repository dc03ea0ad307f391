package dev.envprofile.engine.rewrite;

/** PodDisruptionBudgets for replicated workloads and HorizontalPodAutoscalers when autoscaling is on. */
public final class DisruptionRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
