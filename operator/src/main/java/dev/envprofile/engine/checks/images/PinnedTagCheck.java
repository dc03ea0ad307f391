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

/** {@code images.pinned-tag}. */
public final class PinnedTagCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("images.pinned-tag", Severity.WARNING, Fix.NO,
      "An image uses :latest, no tag, or a moving tag (dev, main, master, edge, nightly, develop, snapshot).",
      "Nothing: pin a version or a digest.",
      "image postgres:latest");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
