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

/** {@code security.read-only-root}. */
public final class ReadOnlyRootCheck extends WorkloadCheck {
  public ReadOnlyRootCheck() {
    super(CheckInfo.low("security.read-only-root", Severity.WARNING, Fix.PARTIAL,
        "A container (init containers included) does not set securityContext.readOnlyRootFilesystem: true. Production needs it: a compromised process cannot replace the image's binaries or hide files in the container; staging and local tolerate a writable root.",
        "At the restricted pod security level (production's), sets it on official images whose writes are known, run with their own entrypoint (or, for redis, valkey and nginx, their server binary), with an emptyDir at each directory the image writes that no mount covers yet: postgres up to 17 (or with PGDATA set) and redis and valkey once their data directory is on a volume (/tmp; postgres also /var/run/postgresql), nginx whose site configuration is mounted from ConfigMaps that write only there (/tmp, /var/cache/nginx, /var/run). Any other image keeps the finding: what it writes is not known, and a read-only root would break it at the first write.",
        "container api without readOnlyRootFilesystem: true"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    boolean fixable = true;
    for (Container c : w.allContainers()) {
      if (!ReadOnlyRoot.missing(c)) {
        continue;
      }
      String blocker = ReadOnlyRoot.blocker(inventory, w, c, dataDir(facts, w, c));
      fixable &= blocker == null;
      bad.add(c.getName() + (blocker == null ? "" : " (" + blocker + ")"));
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + ": production needs readOnlyRootFilesystem: true on "
          + String.join(", ", bad) + (fixable ? "" : "; set it, with an emptyDir at each directory the image writes"));
    }
  }

  /** The data directory of the workload's stateful server when it runs in this container, or null. */
  public static String dataDir(Facts facts, Workload w, Container c) {
    var server = facts.storage().server(w);
    return server != null && server.container() == c ? server.dataDir() : null;
  }
}
