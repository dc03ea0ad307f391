package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** {@code workload.autoscaling}. */
public final class AutoscalingCheck extends WorkloadCheck {
  public AutoscalingCheck() {
    super(CheckInfo.of("workload.autoscaling", Severity.WARNING, Fix.YES,
        "A stateless production workload has no HorizontalPodAutoscaler while spec.workloads.autoscaling.enabled is true.",
        "Generates an autoscaling/v2 HorizontalPodAutoscaler.",
        "Deployment/web without HPA"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!settings.production().autoscaling() && !settings.workloads().autoscaling()) {
      return notApplicable();
    }
    if (!(w.object() instanceof Deployment) || w.replicas() == 0 || !Replicas.scalable(w, facts)) {
      return notApplicable();
    }
    if (Scaling.autoscaled(inventory, w)) {
      return pass();
    } else {
      return fail(true, w + " has no HorizontalPodAutoscaler while autoscaling is on");
    }
  }
}
