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

/** {@code workload.probes}. */
public final class ProbesCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.probes", Severity.WARNING, Fix.PARTIAL,
      "A long-running container has no readiness or no liveness probe.",
      "Adds tcpSocket readiness and liveness probes on the first declared port and a startupProbe (period 10s, failureThreshold 30). A container with no declared port keeps the finding.",
      "container web without probes");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
