package dev.envprofile.engine.storage;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.Map;

/** {@code storage.backup}. */
public final class BackupCheck extends WorkloadCheck {
  public BackupCheck() {
    super(CheckInfo.of("storage.backup", Severity.INFO, Fix.NO,
        "A stateful workload with persistent data declares no backup (Velero's backup.velero.io/backup-volumes or envprofile.dev/backup).",
        "Nothing: declare the backup.",
        "StatefulSet/postgres without backup annotation"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!w.isLongRunning() || !facts.storage().hasPersistentData(w)) {
      return notApplicable();
    }
    Map<String, String> pod = w.template().getMetadata() == null || w.template().getMetadata().getAnnotations() == null
        ? Map.of() : w.template().getMetadata().getAnnotations();
    boolean declared = w.annotations().containsKey(Labels.BACKUP) || w.annotations().containsKey(Labels.VELERO_BACKUP)
        || pod.containsKey(Labels.BACKUP) || pod.containsKey(Labels.VELERO_BACKUP);
    if (declared) {
      return pass();
    } else {
      return fail(false, w + " keeps persistent data and declares no backup: annotate the pod template with "
          + Labels.VELERO_BACKUP + " or the workload with " + Labels.BACKUP + " once a backup exists");
    }
  }
}
