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

/** {@code network.service-exposure}. */
public final class ServiceExposureCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("network.service-exposure", Severity.WARNING, Fix.NO,
      "A Service is of type NodePort or LoadBalancer: production traffic belongs behind an Ingress with TLS.",
      "Nothing; the generated NetworkPolicies keep it reachable.",
      "Service/web type NodePort");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
