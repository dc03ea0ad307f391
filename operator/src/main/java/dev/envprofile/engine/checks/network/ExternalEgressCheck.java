package dev.envprofile.engine.checks.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code network.external-egress}. */
public final class ExternalEgressCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("network.external-egress", Severity.INFO, Fix.NO,
      "A workload connects to hosts outside the cluster (the finding lists them).",
      "Nothing: pin them in spec.network.egressCIDRs; with externalEgress Port the generated policies allow their ports.",
      "orders.abc123.eu-west-1.rds.amazonaws.com:5432");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
