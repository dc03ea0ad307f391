package dev.envprofile.engine.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Selectors;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;

/** {@code security.network-policy}. */
public final class NetworkPolicyCheck extends WorkloadCheck {
  public NetworkPolicyCheck() {
    super(CheckInfo.of("security.network-policy", Severity.WARNING, Fix.YES,
        "The namespace has no default-deny NetworkPolicy for both ingress and egress.",
        "Generates envprofile-default-deny, DNS egress, and one policy per workload that allows exactly the flows in use.",
        "no NetworkPolicy in the namespace"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    // A policy over every pod isolates every workload; the others only the pods they select.
    boolean ingress = false;
    boolean egress = false;
    for (NetworkPolicy p : inventory.networkPolicies()) {
      if (p.getSpec() == null || !(selectsEveryPod(p) || Selectors.matches(p.getSpec().getPodSelector(),
          w.podLabels().isEmpty() ? PolicyParts.podSelector(w) : w.podLabels()))) {
        continue;
      }
      List<String> types = p.getSpec().getPolicyTypes();
      if (types == null || types.isEmpty()) {
        ingress = true;
        egress |= p.getSpec().getEgress() != null;
      } else {
        ingress |= types.contains("Ingress");
        egress |= types.contains("Egress");
      }
    }
    if (ingress && egress) {
      return pass();
    } else {
      return fail(true, w + " is not isolated for "
          + (ingress ? "egress" : egress ? "ingress" : "ingress or egress")
          + " by any NetworkPolicy: every pod may reach it and it may reach anything");
    }
  }

  private static boolean selectsEveryPod(NetworkPolicy p) {
    var sel = p.getSpec().getPodSelector();
    return sel == null || (sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
        && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty());
  }
}
