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

/** {@code workload.disruption-budget}. */
public final class DisruptionBudgetCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.disruption-budget", Severity.WARNING, Fix.YES,
      "A replicated workload (more than one replica in production) has no PodDisruptionBudget.",
      "Generates <workload>-pdb with maxUnavailable 1 (production).",
      "Deployment/web without PDB");

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
      if (inventory.budgetOf(w) != null) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), true, w + " " + Replicas.describe(w, facts, settings.production().minReplicas())
            + " and no PodDisruptionBudget covers its pods: a node drain may stop all of them at once"));
      }
    }
  }
}
