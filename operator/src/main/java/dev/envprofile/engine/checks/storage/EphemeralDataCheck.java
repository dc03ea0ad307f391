package dev.envprofile.engine.checks.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code storage.ephemeral-data}. */
public final class EphemeralDataCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("storage.ephemeral-data", Severity.CRITICAL, Fix.PARTIAL,
      "Data lives on an emptyDir (not medium Memory, not scratch), or a stateful server has no volume at its data directory.",
      "Converts the Deployment into a StatefulSet with one volumeClaimTemplate per data volume (and data at the server's data directory). Where the data directory is unknown, set envprofile.dev/data-path.",
      "postgres with emptyDir at /var/lib/postgresql/data");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
