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

/** {@code workload.ephemeral-storage}. */
public final class EphemeralStorageCheck extends WorkloadCheck {
  public EphemeralStorageCheck() {
    super(CheckInfo.low("workload.ephemeral-storage", Severity.WARNING, Fix.PARTIAL,
        "A container (init containers included) has no ephemeral-storage request or no ephemeral-storage limit. Production needs both: without a request the scheduler packs pods onto a node whose disk is full, and a pod without a limit that fills the disk (logs, writable layer, emptyDirs) gets its neighbours evicted; staging and local tolerate them missing.",
        "At the production tier, adds a request of " + EphemeralStorage.DEFAULT_REQUEST + " (or the profile's resources.requests.ephemeral-storage): a request only weighs in scheduling. Adds a limit only where it is known to be safe, since a limit too low evicts the pod: the profile's resources.limits.ephemeral-storage, or, for a container whose root is read-only and whose disk emptyDirs all have a sizeLimit, their sum plus 256Mi for logs. Elsewhere the limit stays missing and the finding says so.",
        "container api without ephemeral-storage requests and limits"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    var limits = settings.production().limits();
    List<String> requests = new ArrayList<>();
    List<String> noLimit = new ArrayList<>();
    boolean fixable = true;
    for (Container c : w.allContainers()) {
      if (EphemeralStorage.requestMissing(c)) {
        requests.add(c.getName());
      }
      if (EphemeralStorage.limitMissing(c)) {
        noLimit.add(c.getName());
        fixable &= EphemeralStorage.fixable(w, c, limits);
      }
    }
    if (requests.isEmpty() && noLimit.isEmpty()) {
      return pass();
    }
    List<String> parts = new ArrayList<>();
    if (!requests.isEmpty()) {
      parts.add("an ephemeral-storage request on " + String.join(", ", requests));
    }
    if (!noLimit.isEmpty()) {
      parts.add("an ephemeral-storage limit on " + String.join(", ", noLimit)
          + (fixable ? "" : " (set it from the disk the container really uses: its logs, writable layer and emptyDirs)"));
    }
    return fail(fixable, w + ": production needs " + String.join(" and ", parts));
  }
}
