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

/** {@code storage.backup}. */
public final class BackupCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("storage.backup", Severity.INFO, Fix.NO,
      "A stateful workload with persistent data declares no backup (Velero's backup.velero.io/backup-volumes or envprofile.dev/backup).",
      "Nothing: declare the backup.",
      "StatefulSet/postgres without backup annotation");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
