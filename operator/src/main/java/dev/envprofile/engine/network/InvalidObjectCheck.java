package dev.envprofile.engine.network;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;

/**
 * {@code promotion.invalid-object}: a NetworkPolicy or Service the API server would refuse, so that
 * {@code audit} of rendered manifests catches what an apply would fail on (behind a default deny, a
 * refused policy denies every flow it was to allow). Reported only when it fails.
 */
public final class InvalidObjectCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("promotion.invalid-object", Severity.CRITICAL, Fix.NO,
      "A NetworkPolicy or Service would be refused by the API server: a port outside 1-65535, a named port that is not an IANA service name, an unknown protocol, an invalid label selector or CIDR. Reported only when it fails.",
      "Nothing: fix the object named. promote never emits such an object.",
      "NetworkPolicy/api with ports: [{port: 0}]");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (NetworkPolicy p : inventory.networkPolicies()) {
      report(inventory, p, PolicyValidity.problems(p), out);
    }
    for (Service s : inventory.services()) {
      report(inventory, s, PolicyValidity.problems(s), out);
    }
  }

  private static void report(Inventory inv, io.fabric8.kubernetes.api.model.HasMetadata o, List<String> problems,
                             List<CheckResult> out) {
    if (!problems.isEmpty()) {
      out.add(CheckResult.fail(INFO, inv.refOf(o), false, o.getKind() + "/" + o.getMetadata().getName()
          + " would be refused by the API server: " + String.join("; ", problems.stream().limit(5).toList())));
    }
  }
}
