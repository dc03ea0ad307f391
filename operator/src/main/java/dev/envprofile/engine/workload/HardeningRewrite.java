package dev.envprofile.engine.workload;

import dev.envprofile.api.WorkloadsSpec;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** Pod security settings where safe, unused service account tokens, and the tier's env overrides. */
public final class HardeningRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    Inventory inv = ws.inventory();
    var level = ws.settings().workloads();
    for (Workload w : inv.workloads()) {
      List<String> done = new ArrayList<>();
      if (level.podSecurity() == WorkloadsSpec.PodSecurity.RESTRICTED) {
        done.addAll(PodSecurity.harden(w));
      }
      if (ServiceAccountToken.unusedToken(inv, w)) {
        w.pod().setAutomountServiceAccountToken(false);
        done.add("automountServiceAccountToken: false");
      }
      if (!level.env().isEmpty()) {
        for (Container c : w.allContainers()) {
          List<String> vars = EnvOverrides.apply(c, ws.facts().env(c), level.env());
          if (!vars.isEmpty()) {
            done.add("env " + String.join(", ", vars) + " (" + c.getName() + ")");
          }
        }
      }
      if (!done.isEmpty()) {
        ws.recordRewrite(w.object(), "PodHardened", w + ": " + String.join(", ", done));
      }
    }
  }
}
