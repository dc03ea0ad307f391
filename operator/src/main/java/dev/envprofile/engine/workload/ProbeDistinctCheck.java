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

/** {@code workload.probe-distinct}. */
public final class ProbeDistinctCheck extends WorkloadCheck {
  public ProbeDistinctCheck() {
    super(CheckInfo.low("workload.probe-distinct", Severity.WARNING, Fix.NO,
        "A long-running container's liveness probe is its readiness probe: the same command, HTTP request (path, port, host, scheme), TCP port or gRPC service, giving up no later (periodSeconds times failureThreshold). A pod that is only busy then leaves the Service and is restarted at the same moment, and under load every replica can restart at once. Production needs a liveness probe that waits longer or checks something else; staging and local tolerate identical ones.",
        "Nothing on probes the manifests declare: how long the application may stay busy is its own. The probes Enforce adds are never identical (liveness waits 2 minutes, readiness 30 seconds).",
        "readinessProbe and livenessProbe both httpGet /health on port 8080, period 10s, failureThreshold 3"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!w.isLongRunning()) {
      return notApplicable();
    }
    List<String> same = new ArrayList<>();
    boolean probed = false;
    for (Container c : w.containers()) {
      probed |= c.getReadinessProbe() != null && c.getLivenessProbe() != null;
      if (Probes.identical(c)) {
        same.add(c.getName());
      }
    }
    if (!same.isEmpty()) {
      return fail(false, w + ": the liveness probe of " + String.join(", ", same)
          + " is its readiness probe; production needs a liveness probe with a longer failure window"
          + " (periodSeconds x failureThreshold) or a check of its own (an endpoint that does not depend on downstream services)");
    }
    // Without a container that has both probes there is nothing to compare: no result.
    return probed ? pass() : notApplicable();
  }
}
