package dev.envprofile.engine.checks.images;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code images.pull-policy}. */
public final class PullPolicyCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("images.pull-policy", Severity.WARNING, Fix.YES,
      "A container has imagePullPolicy: Never.",
      "Sets imagePullPolicy: IfNotPresent.",
      "imagePullPolicy: Never");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
