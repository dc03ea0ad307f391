package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code workload.disruption-budget}. */
public final class DisruptionBudgetCheck extends WorkloadCheck {
  public DisruptionBudgetCheck() {
    super(CheckInfo.of("workload.disruption-budget", Severity.WARNING, Fix.YES,
        "A replicated workload (more than one replica in production) has no PodDisruptionBudget.",
        "Generates <workload>-pdb with maxUnavailable 1 (production).",
        "Deployment/web without PDB"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!Replicas.replicated(w, facts, settings.production().minReplicas())) {
      return notApplicable();
    }
    if (inventory.budgetOf(w) != null) {
      return pass();
    } else {
      return fail(true, w + " " + Replicas.describe(w, facts, settings.production().minReplicas())
          + " and no PodDisruptionBudget covers its pods: a node drain may stop all of them at once");
    }
  }
}
