package dev.envprofile.engine.checks.security;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code security.pod-security}. */
public final class PodSecurityCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.pod-security", Severity.WARNING, Fix.PARTIAL,
      "A pod misses the level's settings: baseline (no privileged, host namespaces, hostPath, host ports, added capabilities beyond the baseline set) or restricted (also runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL, seccompProfile RuntimeDefault).",
      "Sets the restricted settings where safe; an image known to run as root, a privileged container or a hostPath is reported, not broken.",
      "container api without allowPrivilegeEscalation: false");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
