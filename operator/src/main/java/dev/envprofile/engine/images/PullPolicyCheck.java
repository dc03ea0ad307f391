package dev.envprofile.engine.images;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Plural;
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

/** {@code images.pull-policy}. */
public final class PullPolicyCheck extends WorkloadCheck {
  public PullPolicyCheck() {
    super(CheckInfo.of("images.pull-policy", Severity.WARNING, Fix.YES,
        "A container has imagePullPolicy: Never.",
        "Sets imagePullPolicy: IfNotPresent.",
        "imagePullPolicy: Never"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    for (Container c : w.allContainers()) {
      if ("Never".equals(c.getImagePullPolicy())) {
        bad.add(c.getName());
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(true, w + ": imagePullPolicy Never in " + Plural.noun(bad.size(), "container") + " "
          + String.join(", ", bad) + ": the image must already be on the node, which holds only on a dev machine");
    }
  }
}
