package dev.envprofile.engine.workload;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** PodDisruptionBudgets for replicated workloads, and autoscalers when the profile turns them on. */
public final class DisruptionRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    var level = ws.settings().workloads();
    for (Workload w : ws.inventory().workloads()) {
      Inventory inv = ws.inventory();
      PodDisruptionBudget budget = inv.budgetOf(w);
      boolean replicated = Replicas.replicated(w, ws.facts(), level.minReplicas());
      if (level.podDisruptionBudget() && replicated && budget != null) {
        ws.keep(budget); // ours from an earlier promotion, or the user's: either way still wanted
      }
      if (level.podDisruptionBudget() && replicated && budget == null) {
        String name = Names.fit(w.name(), "-pdb", Names.DNS_SUBDOMAIN);
        PodDisruptionBudget pdb = new PodDisruptionBudgetBuilder()
            .withNewMetadata().withName(name).withNamespace(inv.namespace()).withLabels(managed()).endMetadata()
            .withNewSpec().withMaxUnavailable(new IntOrString(1))
            .withSelector(selector(w)).endSpec().build();
        ws.generate(pdb, "DisruptionBudgetGenerated", "PodDisruptionBudget/" + name + " keeps all but one pod of " + w
            + " running through node drains");
      }
      HorizontalPodAutoscaler existing = Scaling.autoscalerOf(ws.inventory(), w);
      boolean autoscale = Scaling.wantsAutoscaler(w, ws.facts(), level);
      if (autoscale && existing != null) {
        ws.keep(existing);
      }
      if (autoscale && existing == null) {
        int min = Math.max(level.minReplicas(), w.replicas());
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscalerBuilder()
            .withNewMetadata().withName(w.name()).withNamespace(inv.namespace()).withLabels(managed()).endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(w.name()).endScaleTargetRef()
            .withMinReplicas(min).withMaxReplicas(Math.max(min, level.maxReplicas()))
            .addNewMetric().withType("Resource").withNewResource().withName("cpu")
            .withNewTarget().withType("Utilization").withAverageUtilization(level.targetCPU()).endTarget()
            .endResource().endMetric()
            .endSpec().build();
        ws.generate(hpa, "AutoscalerGenerated", "HorizontalPodAutoscaler/" + w.name() + " scales " + w + " between "
            + min + " and " + Math.max(min, level.maxReplicas()) + " replicas at " + level.targetCPU() + "% CPU");
      }
    }
  }


  private static LabelSelector selector(Workload w) {
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(w.selectorLabels());
    return s;
  }

  private static Map<String, String> managed() {
    return new LinkedHashMap<>(Map.of(Labels.MANAGED_BY, Labels.MANAGER));
  }
}
