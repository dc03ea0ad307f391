package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code security.service-account-token}. */
public final class ServiceAccountTokenCheck extends WorkloadCheck {
  public ServiceAccountTokenCheck() {
    super(CheckInfo.of("security.service-account-token", Severity.WARNING, Fix.PARTIAL,
        "The pod mounts a service account token it does not use: it runs as the default service account, automountServiceAccountToken is not false on the pod (nor, when the pod does not set it, on a ServiceAccount of the input) and no RoleBinding of the input grants the default account anything; or it runs as a dedicated service account that the input defines without turning its token off, and nothing in the input shows the token is used (no RoleBinding or ClusterRoleBinding names the account, the pod does not set automountServiceAccountToken, no Vault agent annotation).",
        "Sets automountServiceAccountToken: false on pods that run as the default service account. A dedicated service account keeps its token and the finding: its bindings may live outside the input (a cluster repository, the platform's chart). Set automountServiceAccountToken: false on the ServiceAccount or the pod, or bind the account to what it uses.",
        "Deployment/web mounts the default token"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    String dedicated = ServiceAccountToken.unusedDedicatedToken(inventory, w);
    if (ServiceAccountToken.unusedToken(inventory, w)) {
      return fail(true, w + " mounts an API token under the default service account"
          + " and nothing shows it uses the API: set automountServiceAccountToken: false");
    } else if (dedicated != null) {
      return fail(false, w + " mounts the token of ServiceAccount/" + dedicated
          + " and nothing in the input shows it is used (no binding names the account): production needs"
          + " automountServiceAccountToken: false on the account or the pod, or the binding that uses it");
    } else {
      return pass();
    }
  }
}
