package dev.envprofile.engine.network;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Service;
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
    for (Service s : inventory.services()) {
      if (Labels.isIgnored(s) || Labels.isManaged(s)) {
        continue;
      }
      if (Exposure.isExposedType(s)) {
        out.add(CheckResult.fail(INFO, inventory.refOf(s), false, "Service/" + s.getMetadata().getName() + " is of type "
            + s.getSpec().getType() + ": production traffic belongs behind an Ingress with TLS"));
      } else {
        out.add(CheckResult.pass(INFO, inventory.refOf(s)));
      }
    }
  }
}
