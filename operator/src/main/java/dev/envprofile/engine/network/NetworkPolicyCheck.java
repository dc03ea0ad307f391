package dev.envprofile.engine.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Selectors;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;

/** {@code security.network-policy}. */
public final class NetworkPolicyCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.network-policy", Severity.WARNING, Fix.YES,
      "The namespace has no default-deny NetworkPolicy for both ingress and egress.",
      "Generates envprofile-default-deny, DNS egress, and one policy per workload that allows exactly the flows in use.",
      "no NetworkPolicy in the namespace");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // Policies over every pod decide for all workloads at once; the rest are matched per workload.
    boolean allIngress = false;
    boolean allEgress = false;
    List<NetworkPolicy> selective = new java.util.ArrayList<>();
    for (NetworkPolicy p : inventory.networkPolicies()) {
      if (p.getSpec() == null) {
        continue;
      }
      var sel = p.getSpec().getPodSelector();
      boolean everyPod = sel == null || (sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
          && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty());
      if (!everyPod) {
        selective.add(p);
        continue;
      }
      List<String> types = p.getSpec().getPolicyTypes();
      if (types == null || types.isEmpty()) {
        allIngress = true;
        allEgress |= p.getSpec().getEgress() != null;
      } else {
        allIngress |= types.contains("Ingress");
        allEgress |= types.contains("Egress");
      }
    }
    for (Workload w : inventory.workloads()) {
      boolean ingress = allIngress;
      boolean egress = allEgress;
      for (NetworkPolicy p : ingress && egress ? List.<NetworkPolicy>of() : selective) {
        if (p.getSpec() == null || !Selectors.matches(p.getSpec().getPodSelector(), w.podLabels().isEmpty()
            ? PolicyParts.podSelector(w) : w.podLabels())) {
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
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), true, w + " is not isolated for "
            + (ingress ? "egress" : egress ? "ingress" : "ingress or egress")
            + " by any NetworkPolicy: every pod may reach it and it may reach anything"));
      }
    }
  }
}
