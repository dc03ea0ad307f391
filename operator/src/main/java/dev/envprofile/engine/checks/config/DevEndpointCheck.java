package dev.envprofile.engine.checks.config;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code config.dev-endpoint}. */
public final class DevEndpointCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("config.dev-endpoint", Severity.CRITICAL, Fix.PROFILE,
      "An env or ConfigMap value points at a local stand-in: LocalStack (localstack, port 4566), MinIO dev defaults, MailHog/Mailpit, host.docker.internal, a localhost or 127.0.0.1 URL.",
      "Only through spec.workloads.env overrides.",
      "AWS_ENDPOINT_URL=http://localstack:4566");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
