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

/** {@code security.weak-credential}. */
public final class WeakCredentialCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.weak-credential", Severity.CRITICAL, Fix.NO,
      "A credential value is a well-known dev default: postgres, password, admin, changeme, minioadmin, root, secret, test, dev-*, *-dev, an empty value, or the user name.",
      "Nothing: production needs a new credential. The finding names the key, never the value.",
      "POSTGRES_PASSWORD=postgres");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
