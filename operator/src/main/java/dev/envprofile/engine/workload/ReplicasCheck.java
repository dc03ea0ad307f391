package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code workload.replicas}. */
public final class ReplicasCheck extends WorkloadCheck {
  public ReplicasCheck() {
    super(CheckInfo.of("workload.replicas", Severity.WARNING, Fix.YES,
        "A stateless Deployment runs fewer replicas than the tier's minimum.",
        "Raises replicas to minReplicas. Stateful workloads, servers that keep state in memory and test tools are never scaled.",
        "Deployment/web with 1 replica"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    int min = settings.production().minReplicas();
    if (w.replicas() == null || w.replicas() == 0 || !Replicas.scalable(w, facts)) {
      return notApplicable();
    }
    var hpa = Scaling.autoscalerOf(inventory, w);
    int floor = hpa != null && hpa.getSpec().getMinReplicas() != null ? hpa.getSpec().getMinReplicas() : w.replicas();
    if (floor >= min) {
      return pass();
    } else {
      return fail(hpa == null, w + " runs " + Plural.count(floor, "replica")
          + (hpa != null ? " (autoscaler minimum)" : "") + "; production runs at least " + min);
    }
  }
}
