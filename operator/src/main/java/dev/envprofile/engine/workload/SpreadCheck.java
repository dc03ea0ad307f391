package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code workload.spread}. */
public final class SpreadCheck extends WorkloadCheck {
  public SpreadCheck() {
    super(CheckInfo.of("workload.spread", Severity.WARNING, Fix.YES,
        "A replicated stateless workload has no topology spread constraint or pod anti-affinity.",
        "Adds a topologySpreadConstraint by hostname, whenUnsatisfiable ScheduleAnyway.",
        "3 replicas that may land on one node"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!Replicas.replicated(w, facts, settings.production().minReplicas())) {
      return notApplicable();
    }
    if (Spread.spread(w.pod())) {
      return pass();
    } else {
      return fail(Replicas.scalable(w, facts), w
          + " " + Replicas.describe(w, facts, settings.production().minReplicas())
          + " without topology spread or pod anti-affinity: its pods may all land on one node");
    }
  }
}
