package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** {@code workload.rollout}. */
public final class RolloutCheck extends WorkloadCheck {
  public RolloutCheck() {
    super(CheckInfo.of("workload.rollout", Severity.WARNING, Fix.YES,
        "A Deployment's rollout may take more than one pod down at once at its production replica count (its "
            + "autoscaler's maximum included), it uses Recreate without holding a claim, or it holds a claim and "
            + "starts a new pod before stopping the old one (maxSurge above 0). A Deployment without a strategy is "
            + "judged as the API server defaults it (RollingUpdate, 25% maxUnavailable and maxSurge): it passes up to "
            + "7 replicas, and fails when it holds a claim. StatefulSets and DaemonSets fail on updateStrategy OnDelete.",
        "Sets RollingUpdate with maxUnavailable 0 and maxSurge 1; with a claim, maxSurge 0 and maxUnavailable 1 "
            + "(a ReadWriteOnce volume cannot be mounted by two pods). OnDelete is left to a person.",
        "strategy: Recreate"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    String problem = null;
    boolean fixable = true;
    if (w.object() instanceof Deployment d) {
      boolean claim = !facts.storage().claims(w).isEmpty();
      int ceiling = Scaling.ceiling(inventory, facts, w, settings.production());
      if (!Rollout.bounded(d, claim, ceiling) && !(claim && Rollout.isRecreate(d))) {
        problem = Rollout.isRecreate(d) ? "strategy Recreate: every rollout is an outage"
            : claim ? "it holds a claim and its rollout starts a new pod before stopping the old one (maxSurge above 0)"
            : "its rollout may take more than one pod down at once (maxUnavailable above 1 at " + ceiling + " replicas)";
      }
    } else if (w.object() instanceof StatefulSet s) {
      if (s.getSpec().getUpdateStrategy() != null && "OnDelete".equals(s.getSpec().getUpdateStrategy().getType())) {
        problem = "updateStrategy OnDelete: new pod templates never roll out by themselves";
        fixable = false;
      }
    } else if (w.object() instanceof DaemonSet ds) {
      if (ds.getSpec().getUpdateStrategy() != null && "OnDelete".equals(ds.getSpec().getUpdateStrategy().getType())) {
        problem = "updateStrategy OnDelete: new pod templates never roll out by themselves";
        fixable = false;
      }
    } else {
      return notApplicable();
    }
    if (problem == null) {
      return pass();
    } else {
      return fail(fixable, w + ": " + problem);
    }
  }
}
