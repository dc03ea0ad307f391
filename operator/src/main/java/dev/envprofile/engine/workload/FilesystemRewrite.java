package dev.envprofile.engine.workload;

import dev.envprofile.api.Tier;
import dev.envprofile.api.WorkloadsSpec;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's file system at the production level: a read-only root for images whose writes
 * are known (at the restricted pod security level), then ephemeral-storage requests, and limits
 * where the most a container can write is known (at the production tier). Runs after the storage
 * conversion, on the final pod templates: a server's data directory must be on a volume before its
 * root may be read-only, and a limit is computed from the final root and emptyDirs.
 */
public final class FilesystemRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    var level = ws.settings().workloads();
    boolean readOnly = level.podSecurity() == WorkloadsSpec.PodSecurity.RESTRICTED;
    boolean ephemeral = ws.settings().tier() == Tier.PRODUCTION;
    for (Workload w : ws.inventory().workloads()) {
      List<String> done = new ArrayList<>();
      for (Container c : w.allContainers()) {
        if (readOnly && ReadOnlyRoot.missing(c)
            && ReadOnlyRoot.blocker(ws.inventory(), w, c, ReadOnlyRootCheck.dataDir(ws.facts(), w, c)) == null) {
          ReadOnlyRoot.apply(w, c);
          done.add("readOnlyRootFilesystem (" + c.getName() + ")");
        }
        if (ephemeral && EphemeralStorage.apply(w, c, level.requests(), level.limits())) {
          done.add("ephemeral-storage (" + c.getName() + ")");
        }
      }
      if (!done.isEmpty()) {
        ws.recordRewrite(w.object(), "FilesystemHardened", w + ": " + String.join(", ", done));
      }
    }
  }
}
