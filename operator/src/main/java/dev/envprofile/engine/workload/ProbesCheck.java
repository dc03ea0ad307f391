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

/** {@code workload.probes}. */
public final class ProbesCheck extends WorkloadCheck {
  public ProbesCheck() {
    super(CheckInfo.of("workload.probes", Severity.WARNING, Fix.PARTIAL,
        "A long-running container has no readiness or no liveness probe.",
        "Adds tcpSocket readiness and liveness probes on the first declared port and a startupProbe (period 10s, failureThreshold 30). A container with no declared port keeps the finding.",
        "container web without probes"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!w.isLongRunning()) {
      return notApplicable();
    }
    List<String> bad = new ArrayList<>();
    boolean fixable = true;
    for (Container c : w.containers()) {
      if (Probes.missing(c)) {
        boolean port = Probes.firstPort(c) != null;
        fixable &= port;
        bad.add(c.getName() + (port ? "" : " (no declared port: add a probe by hand)"));
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + ": " + Plural.noun(bad.size(), "container") + " without readiness/liveness probes: "
          + String.join(", ", bad));
    }
  }
}
