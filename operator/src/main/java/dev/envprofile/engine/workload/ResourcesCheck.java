package dev.envprofile.engine.workload;

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

/** {@code workload.resources}. */
public final class ResourcesCheck extends WorkloadCheck {
  public ResourcesCheck() {
    super(CheckInfo.of("workload.resources", Severity.WARNING, Fix.YES,
        "A container has no cpu or memory request, or no memory limit.",
        "Fills the defaults in; the memory limit is never below twice the request nor below a JVM's -Xmx plus 256Mi.",
        "container api without resources"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    for (Container c : w.allContainers()) {
      if (ResourceDefaults.missing(c)) {
        bad.add(c.getName());
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(true, w + ": " + Plural.noun(bad.size(), "container") + " " + String.join(", ", bad)
          + " " + Plural.verb(bad.size(), "lacks", "lack") + " cpu/memory requests or a memory limit");
    }
  }
}
