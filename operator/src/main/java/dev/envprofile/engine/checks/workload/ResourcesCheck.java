package dev.envprofile.engine.checks.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code workload.resources}. */
public final class ResourcesCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("workload.resources", Severity.WARNING, Fix.YES,
      "A container has no cpu or memory request, or no memory limit.",
      "Fills the defaults in; the memory limit is never below twice the request nor below a JVM's -Xmx plus 256Mi.",
      "container api without resources");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
