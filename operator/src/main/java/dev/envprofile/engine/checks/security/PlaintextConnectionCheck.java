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

/** {@code security.plaintext-connection}. */
public final class PlaintextConnectionCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.plaintext-connection", Severity.WARNING, Fix.NO,
      "A connection setting turns TLS off: sslmode=disable, useSSL=false, tls=false, or http:// to a host outside the cluster.",
      "Nothing: the server must offer TLS first.",
      "DATABASE_URL=...?sslmode=disable");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
