package dev.envprofile.engine.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code storage.host-path}. */
public final class HostPathCheck extends WorkloadCheck {
  public HostPathCheck() {
    super(CheckInfo.of("storage.host-path", Severity.WARNING, Fix.NO,
        "A pod mounts a hostPath volume.",
        "Nothing: the data is tied to one node; move it to a PersistentVolumeClaim.",
        "hostPath /var/lib/data"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> paths = facts.storage().hostPaths(w);
    if (paths.isEmpty()) {
      return pass();
    } else {
      return fail(false, w + " mounts hostPath " + Plural.noun(paths.size(), "volume") + " " + String.join(", ", paths)
          + ": the data is tied to one node");
    }
  }
}
