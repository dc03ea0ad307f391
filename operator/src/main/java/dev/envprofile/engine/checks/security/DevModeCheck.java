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

/** {@code security.dev-mode}. */
public final class DevModeCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.dev-mode", Severity.CRITICAL, Fix.PROFILE,
      "A dev switch is on: DEBUG=true, NODE_ENV=development, AUTH_MODE=none, vault server -dev, VAULT_DEV_ROOT_TOKEN_ID, LOG_LEVEL=debug, SPRING_PROFILES_ACTIVE=dev|local, RAILS_ENV=development, DJANGO_SETTINGS_MODULE=*dev*, FLASK_ENV=development, ASPNETCORE_ENVIRONMENT=Development, APP_ENV=dev|local, and trust-all auth settings.",
      "Only through spec.workloads.env overrides, e.g. {DEBUG: \"false\", AUTH_MODE: oidc}.",
      "AUTH_MODE=none");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
