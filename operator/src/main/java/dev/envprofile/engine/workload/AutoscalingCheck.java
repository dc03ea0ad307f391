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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/** {@code workload.autoscaling}. */
public final class AutoscalingCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.autoscaling", Severity.WARNING, Fix.YES,
      "A stateless production workload has no HorizontalPodAutoscaler while spec.workloads.autoscaling.enabled is true.",
      "Generates an autoscaling/v2 HorizontalPodAutoscaler.",
      "Deployment/web without HPA");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    if (!settings.production().autoscaling() && !settings.workloads().autoscaling()) {
      return;
    }
    for (Workload w : inventory.workloads()) {
      if (!(w.object() instanceof Deployment) || w.replicas() == 0 || !Replicas.scalable(w, facts)) {
        continue;
      }
      if (Scaling.autoscaled(inventory, w)) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), true, w + " has no HorizontalPodAutoscaler while autoscaling is on"));
      }
    }
  }
}
