package dev.envprofile.engine.workload;

import dev.envprofile.api.Tier;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;

/**
 * {@code workload.priority-class}. Info only, and only under a production profile: which pods a
 * full cluster evicts first is the cluster's policy (a PriorityClass is cluster-scoped, and a
 * globalDefault class answers for every pod), not a property of the application's manifests.
 */
public final class PriorityClassCheck extends WorkloadCheck {
  public PriorityClassCheck() {
    super(CheckInfo.of("workload.priority-class", Severity.INFO, Fix.NO,
        "Under a production profile, a long-running workload names no priorityClassName and the input holds no globalDefault PriorityClass: when nodes run short, its pods are preempted or evicted in no declared order relative to the cluster's other pods. Staging and local profiles do not report it.",
        "Nothing: a priorityClassName that names no PriorityClass is refused by the API server, and which classes exist is the cluster's choice. Name one of the cluster's classes in the pod template, or have the cluster define a globalDefault one.",
        "Deployment/api without priorityClassName"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (settings.tier() != Tier.PRODUCTION) {
      return notApplicable();
    }
    if (!w.isLongRunning()) {
      return notApplicable();
    }
    boolean globalDefault = inventory.all(PriorityClass.class).stream().anyMatch(p -> Boolean.TRUE.equals(p.getGlobalDefault()));
    String name = w.pod().getPriorityClassName();
    if (globalDefault || name != null && !name.isBlank()) {
      return pass();
    } else {
      return fail(false, w + " names no priorityClassName: production needs"
          + " the cluster's priority for it declared (a class of the cluster in the pod template, or a globalDefault class)");
    }
  }
}
