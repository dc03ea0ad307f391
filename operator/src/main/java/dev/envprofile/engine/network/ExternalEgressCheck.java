package dev.envprofile.engine.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.TreeSet;

/** {@code network.external-egress}. */
public final class ExternalEgressCheck extends WorkloadCheck {
  public ExternalEgressCheck() {
    super(CheckInfo.of("network.external-egress", Severity.INFO, Fix.NO,
        "A workload connects to hosts outside the cluster (the finding lists them).",
        "Nothing: pin them in spec.network.egressCIDRs; with externalEgress Port the generated policies allow their ports.",
        "orders.abc123.eu-west-1.rds.amazonaws.com:5432"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    var hosts = facts.flows().externalHosts(w);
    if (hosts.isEmpty()) {
      return notApplicable();
    }
    TreeSet<String> names = new TreeSet<>(References.asStrings(hosts));
    return fail(false, w + " connects to hosts outside the cluster: "
        + String.join(", ", names) + "; pin their addresses in spec.network.egressCIDRs"
        + (settings.network().externalEgress() == dev.envprofile.api.NetworkSpec.ExternalEgress.Port
        ? " (until then egress to any address on those ports is allowed)" : ""));
  }
}
