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

/** {@code storage.rwo-claim}. */
public final class ReadWriteOnceClaimCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("storage.rwo-claim", Severity.WARNING, Fix.NO,
      "A Deployment mounts a ReadWriteOnce PersistentVolumeClaim: it cannot run more than one replica or roll pods across nodes.",
      "Keeps the claim at the same path and the workload at one replica; consider a StatefulSet with volumeClaimTemplates.",
      "Deployment/uploads mounts claim uploads-pvc");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
