package dev.envprofile.engine.rewrite;

/** Default deny, DNS, and one NetworkPolicy per workload allowing exactly the flows in use. */
public final class NetworkRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
