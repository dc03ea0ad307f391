package dev.envprofile.engine.facts;

/** The network flows the configuration names: between workloads, to other namespaces, to the outside. */
public final class FlowFacts {
  private FlowFacts() {}

  public static FlowFacts compute(Facts facts) {
    return new FlowFacts();
  }
}
