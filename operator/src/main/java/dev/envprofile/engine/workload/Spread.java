package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.List;

/** Replicated pods spread over nodes (ScheduleAnyway: never leaves a pod pending for it). */
public final class Spread {
  private Spread() {}

  public static boolean spread(PodSpec pod) {
    return pod.getTopologySpreadConstraints() != null && !pod.getTopologySpreadConstraints().isEmpty()
        || pod.getAffinity() != null && pod.getAffinity().getPodAntiAffinity() != null;
  }

  /**
   * The caller decides that the workload is replicated ({@link Replicas#replicated}).
   *
   * @return whether a constraint was added
   */
  public static boolean apply(Workload w) {
    if (spread(w.pod())) {
      return false;
    }
    TopologySpreadConstraint t = new TopologySpreadConstraint();
    t.setMaxSkew(1);
    t.setTopologyKey("kubernetes.io/hostname");
    t.setWhenUnsatisfiable("ScheduleAnyway");
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(w.selectorLabels());
    t.setLabelSelector(s);
    List<TopologySpreadConstraint> list = new ArrayList<>();
    list.add(t);
    w.pod().setTopologySpreadConstraints(list);
    return true;
  }
}
