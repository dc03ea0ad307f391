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

/** {@code security.unauthenticated-service}. */
public final class UnauthenticatedServiceCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.unauthenticated-service", Severity.CRITICAL, Fix.NO,
      "A data service accepts clients without a password: redis without requirepass or a password variable, postgres with POSTGRES_HOST_AUTH_METHOD=trust, mongo without MONGO_INITDB_ROOT_PASSWORD, elasticsearch with xpack.security.enabled=false.",
      "Nothing: turning authentication on needs the clients' credentials too.",
      "redis-server started without --requirepass");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
