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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/** {@code storage.ephemeral-data}. */
public final class EphemeralDataCheck extends WorkloadCheck {
  public EphemeralDataCheck() {
    super(CheckInfo.of("storage.ephemeral-data", Severity.CRITICAL, Fix.PARTIAL,
        "Data lives on an emptyDir: one a well-known server mounts at (or above) its data directory, or one named in envprofile.dev/data-volumes; or a stateful server has no volume at its data directory. Also fails (not fixable) for an undeclared emptyDir mounted at a path that is neither scratch-named nor a scratch path on a workload with no known data directory: it may hold data nobody declared.",
        "Converts the Deployment into a StatefulSet with one volumeClaimTemplate per data volume (and data at the server's data directory). Where the data directory is unknown, set envprofile.dev/data-path. Undeclared emptyDirs stay emptyDirs: list them in envprofile.dev/data-volumes if they hold data (Enforce then converts them), or set the annotation to \"\" to declare that the workload keeps no data on emptyDir.",
        "postgres with emptyDir at /var/lib/postgresql/data"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    StorageFacts sf = facts.storage();
    List<String> problems = new ArrayList<>();
    boolean fixable = w.object() instanceof Deployment;
    List<String> data = sf.dataEmptyDirs(w);
    if (!data.isEmpty()) {
      problems.add("keeps data on emptyDir " + Plural.noun(data.size(), "volume") + " " + String.join(", ", data) + ", lost with every pod");
    }
    StorageFacts.Server s = sf.server(w);
    if (s != null && !s.hasVolume()) {
      if (s.dataDir() != null) {
        problems.add("runs " + s.kind() + " (container " + s.container().getName() + ") with no volume at its data directory "
            + s.dataDir() + ": the data lives in the container's writable layer");
      } else {
        problems.add("runs " + s.kind() + (s.byPort() ? " (recognised by its port)" : "") + " in container "
            + s.container().getName() + " with no volume, and its data directory is not known: set "
            + dev.envprofile.engine.Labels.DATA_PATH + " to convert it");
        fixable &= !data.isEmpty();
      }
    }
    boolean convertible = !problems.isEmpty();
    List<String> undeclared = sf.undeclaredEmptyDirs(w);
    if (!undeclared.isEmpty()) {
      String names = String.join(",", undeclared.stream().map(u -> u.substring(0, u.indexOf(" at "))).toList());
      problems.add("mounts emptyDir " + Plural.noun(undeclared.size(), "volume") + " " + String.join(", ", undeclared) + " that nobody declared as data:"
          + " they stay emptyDirs and are lost with every pod; if they hold data, annotate the workload "
          + dev.envprofile.engine.Labels.DATA_VOLUMES + ": \"" + names + "\" and Enforce converts it, else set the"
          + " annotation to \"\" (no data on emptyDir)");
      fixable = false;
    }
    if (problems.isEmpty()) {
      return pass();
    } else {
      String hint = !convertible || w.object() instanceof Deployment ? "" : "; a " + w.kind()
          + " is not converted (claim templates of a StatefulSet are immutable): add a volumeClaimTemplate and recreate it";
      return fail(fixable, w + " " + String.join("; ", problems) + hint);
    }
  }
}
