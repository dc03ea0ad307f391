package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** {@code security.host-ids}. */
public final class HostIdsCheck extends WorkloadCheck {
  public HostIdsCheck() {
    super(CheckInfo.low("security.host-ids", Severity.WARNING, Fix.NO,
        "A container (init containers included) runs with a runAsUser or runAsGroup below 10000, or leaves one unset (the image's id, often root or a low id): ids in the node's range, so a process that escapes the container acts on the node's files as an existing account. Production needs both at 10000 or above; staging and local tolerate the image's ids.",
        "Nothing: files on the pod's volumes are owned by the current ids, and changing them without the data's owner (an fsGroup, a chown of the volume) would lock the application out of its own data. Set runAsUser and runAsGroup (and the image's USER) together with the volumes' ownership.",
        "container api with runAsUser 1000"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    for (Container c : w.allContainers()) {
      List<String> ids = HostIds.inHostRange(w, c);
      if (!ids.isEmpty()) {
        bad.add(c.getName() + " (" + String.join(", ", ids) + ")");
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(false, w + ": production needs runAsUser and runAsGroup of "
          + HostIds.FIRST_SAFE_ID + " or above on " + String.join(", ", bad)
          + "; change them together with the ownership of the files on its volumes");
    }
  }
}
