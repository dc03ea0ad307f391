package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code workload.test-tool}: a load generator or test tool among the workloads. */
public final class TestToolCheck extends WorkloadCheck {
  public TestToolCheck() {
    super(CheckInfo.of("workload.test-tool", Severity.WARNING, Fix.NO,
        "A workload is a load generator or test tool (locust, k6, JMeter, Gatling, vegeta, hey, wrk, artillery, toxiproxy, a workload named loadgenerator): production does not run it.",
        "Nothing: it is never scaled and gets no PodDisruptionBudget, spread or autoscaler. Leave it out of the production manifests.",
        "Deployment/loadgenerator running locust"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    String tool = TestTools.of(w);
    if (tool == null) {
      return pass();
    } else {
      return fail(false, w + " runs " + tool
          + ", a load generator/test tool: production does not run it; it is not scaled");
    }
  }
}
