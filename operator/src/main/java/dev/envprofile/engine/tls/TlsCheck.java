package dev.envprofile.engine.tls;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;

/** {@code security.tls}. */
public final class TlsCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.tls", Severity.WARNING, Fix.PARTIAL,
      "An Ingress host has no TLS entry, or an Ingress rule has no host (no certificate can be issued for it).",
      "Adds a tls entry <ingress>-tls for the uncovered hosts and the cert-manager issuer annotation. An Ingress without host keeps the finding.",
      "Ingress/shop host shop.example.com without tls");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Ingress ing : inventory.ingresses()) {
      if (Labels.isIgnored(ing) || ing.getSpec() == null) {
        continue;
      }
      List<String> uncovered = IngressHosts.uncovered(ing);
      boolean hostless = IngressHosts.hasHostlessRule(ing);
      List<String> problems = new ArrayList<>();
      if (!uncovered.isEmpty()) {
        problems.add(Plural.noun(uncovered.size(), "host") + " without TLS: " + String.join(", ", uncovered));
      }
      if (hostless) {
        problems.add("a rule (or the default backend) has no host, so no certificate can be issued for it: give it a host");
      }
      if (problems.isEmpty()) {
        out.add(CheckResult.pass(INFO, inventory.refOf(ing)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(ing), !hostless, "Ingress/" + ing.getMetadata().getName() + ": "
            + String.join("; ", problems)));
      }
    }
  }
}
