package dev.envprofile.engine.images;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** {@code images.pinned-tag}. */
public final class PinnedTagCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("images.pinned-tag", Severity.WARNING, Fix.NO,
      "An image uses :latest, no tag, or a moving tag (dev, main, master, edge, nightly, develop, snapshot).",
      "Nothing: pin a version or a digest.",
      "image postgres:latest");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Workload w : inventory.workloads()) {
      List<String> bad = new ArrayList<>();
      for (Container c : w.allContainers()) {
        String why = Images.unpinned(c.getImage());
        if (why != null) {
          bad.add(c.getImage() + " (" + why + ")");
        }
      }
      if (bad.isEmpty()) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        out.add(CheckResult.fail(INFO, inventory.refOf(w), false, w + " runs unpinned images: " + String.join(", ", bad)
            + "; pin a version tag or a digest"));
      }
    }
  }
}
