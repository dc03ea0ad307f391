package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** Which workloads an autoscaler owns the replica count of, and how far they can scale. */
public final class Scaling {
  private Scaling() {}

  public static HorizontalPodAutoscaler autoscalerOf(Inventory inv, Workload w) {
    for (HorizontalPodAutoscaler h : inv.autoscalers()) {
      var ref = h.getSpec() == null ? null : h.getSpec().getScaleTargetRef();
      if (ref != null && w.kind().equals(ref.getKind()) && w.name().equals(ref.getName())) {
        return h;
      }
    }
    return null;
  }

  public static boolean autoscaled(Inventory inv, Workload w) {
    return autoscalerOf(inv, w) != null;
  }

  /** Whether {@link DisruptionRewrite} generates an autoscaler for the workload at this level. */
  public static boolean wantsAutoscaler(Workload w, Facts facts, Settings.Workloads level) {
    return level.autoscaling() && w.object() instanceof Deployment && w.replicas() != null && w.replicas() > 0
        && Replicas.scalable(w, facts);
  }

  /**
   * The largest replica count the workload can reach at this level: its autoscaler's maxReplicas,
   * the one the promotion will generate, or the tier's minimum. Rollout bounds are judged there:
   * 25% of 12 pods is 3 pods down at once.
   */
  public static int ceiling(Inventory inv, Facts facts, Workload w, Settings.Workloads level) {
    int now = w.replicas() == null ? 0 : w.replicas();
    HorizontalPodAutoscaler hpa = autoscalerOf(inv, w);
    if (hpa != null && hpa.getSpec().getMaxReplicas() != null) {
      return Math.max(now, hpa.getSpec().getMaxReplicas());
    }
    int target = Replicas.target(w, facts, level.minReplicas());
    return wantsAutoscaler(w, facts, level) ? Math.max(target, level.maxReplicas()) : target;
  }
}
