package dev.envprofile.engine.checks.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code workload.rollout}. */
public final class RolloutCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.rollout", Severity.WARNING, Fix.YES,
      "A stateless Deployment has no RollingUpdate bounds (maxUnavailable 0 or 1, explicit maxSurge), or uses Recreate.",
      "Sets RollingUpdate with maxUnavailable 0 and maxSurge 1.",
      "strategy: Recreate");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
