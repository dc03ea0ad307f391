package dev.envprofile.engine.checks.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code security.network-policy}. */
public final class NetworkPolicyCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.network-policy", Severity.WARNING, Fix.YES,
      "The namespace has no default-deny NetworkPolicy for both ingress and egress.",
      "Generates envprofile-default-deny, DNS egress, and one policy per workload that allows exactly the flows in use.",
      "no NetworkPolicy in the namespace");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
