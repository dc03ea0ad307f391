package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code workload.spread}. */
public final class SpreadCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.spread", Severity.WARNING, Fix.YES,
      "A replicated stateless workload has no topology spread constraint or pod anti-affinity.",
      "Adds a topologySpreadConstraint by hostname, whenUnsatisfiable ScheduleAnyway.",
      "3 replicas that may land on one node");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Workload w : inventory.workloads()) {
      if (!Replicas.replicated(w, facts, settings.production().minReplicas())) {
        continue;
      }
      if (Spread.spread(w.pod())) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), Replicas.scalable(w, facts), w
            + " " + Replicas.describe(w, facts, settings.production().minReplicas())
            + " without topology spread or pod anti-affinity: its pods may all land on one node"));
      }
    }
  }
}
