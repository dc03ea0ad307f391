package dev.envprofile.engine.images;

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

/** {@code images.pinned-tag}. */
public final class PinnedTagCheck extends WorkloadCheck {
  public PinnedTagCheck() {
    super(CheckInfo.of("images.pinned-tag", Severity.WARNING, Fix.NO,
        "An image uses :latest, no tag, or a moving tag (dev, main, master, edge, nightly, develop, snapshot).",
        "Nothing: pin a version or a digest.",
        "image postgres:latest"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    for (Container c : w.allContainers()) {
      String why = Images.unpinned(c.getImage());
      if (why != null) {
        bad.add(c.getImage() + " (" + why + ")");
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(false, w + " runs unpinned images: " + String.join(", ", bad)
          + "; pin a version tag or a digest");
    }
  }
}
