package dev.envprofile.engine.rewrite;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** Which workloads an autoscaler owns the replica count of. */
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
}
