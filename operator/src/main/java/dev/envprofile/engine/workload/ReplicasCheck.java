package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code workload.replicas}. */
public final class ReplicasCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.replicas", Severity.WARNING, Fix.YES,
      "A stateless Deployment runs fewer replicas than the tier's minimum.",
      "Raises replicas to minReplicas. Stateful workloads, servers that keep state in memory and test tools are never scaled.",
      "Deployment/web with 1 replica");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    int min = settings.production().minReplicas();
    for (Workload w : inventory.workloads()) {
      if (w.replicas() == null || w.replicas() == 0 || !Replicas.scalable(w, facts)) {
        continue;
      }
      var hpa = Scaling.autoscalerOf(inventory, w);
      int floor = hpa != null && hpa.getSpec().getMinReplicas() != null ? hpa.getSpec().getMinReplicas() : w.replicas();
      if (floor >= min) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), hpa == null, w + " runs " + Plural.count(floor, "replica")
            + (hpa != null ? " (autoscaler minimum)" : "") + "; production runs at least " + min));
      }
    }
  }
}
