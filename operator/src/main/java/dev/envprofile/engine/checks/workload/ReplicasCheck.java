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

/** {@code workload.replicas}. */
public final class ReplicasCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.replicas", Severity.WARNING, Fix.YES,
      "A stateless Deployment runs fewer replicas than the tier's minimum.",
      "Raises replicas to minReplicas. Stateful workloads are never scaled.",
      "Deployment/web with 1 replica");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
