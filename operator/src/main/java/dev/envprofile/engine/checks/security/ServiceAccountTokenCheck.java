package dev.envprofile.engine.checks.security;

import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.workload.ServiceAccountToken;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code security.service-account-token}. */
public final class ServiceAccountTokenCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.service-account-token", Severity.WARNING, Fix.YES,
      "The pod mounts a service account token it does not use (default service account, automountServiceAccountToken not false on the pod, nor on a ServiceAccount of the input when the pod does not set it).",
      "Sets automountServiceAccountToken: false on pods that run as the default service account.",
      "Deployment/web mounts the default token");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Workload w : inventory.workloads()) {
      if (ServiceAccountToken.unusedToken(inventory, w)) {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), true, w + " mounts an API token under the default service account"
            + " and nothing shows it uses the API: set automountServiceAccountToken: false"));
      } else {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      }
    }
  }
}
