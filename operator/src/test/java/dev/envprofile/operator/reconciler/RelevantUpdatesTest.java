package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevantUpdatesTest {
  private static Deployment deployment(long generation, int available, Map<String, String> labels) {
    return new DeploymentBuilder().withNewMetadata().withName("api").withGeneration(generation).withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(3).endSpec().withNewStatus().withAvailableReplicas(available).endStatus().build();
  }

  private static StatefulSet statefulSet(int ready) {
    return new StatefulSetBuilder().withNewMetadata().withName("db").withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(1).endSpec().withNewStatus().withObservedGeneration(2L).withReadyReplicas(ready).endStatus().build();
  }

  @Test
  void aControllersStatusWriteTriggersNothingButASpecOrLabelChangeDoes() {
    Map<String, String> app = Map.of("app", "api");
    assertThat(RelevantUpdates.matter(deployment(4, 2, app), deployment(4, 1, app))).as("status only").isFalse();
    assertThat(RelevantUpdates.matter(deployment(5, 1, app), deployment(4, 1, app))).as("spec changed").isTrue();
    assertThat(RelevantUpdates.matter(deployment(4, 1, Map.of("app", "api", "tier", "web")), deployment(4, 1, app)))
        .as("label added").isTrue();
  }

  @Test
  void aStatefulSetBecomingReadyTriggersAReconcileAndAConfigMapAlwaysDoes() {
    assertThat(RelevantUpdates.matter(statefulSet(1), statefulSet(0))).as("became ready").isTrue();
    assertThat(RelevantUpdates.matter(statefulSet(0), statefulSet(0))).as("still not ready").isFalse();
    var before = new ConfigMapBuilder().withNewMetadata().withName("env").endMetadata().withData(Map.of("A", "1")).build();
    var after = new ConfigMapBuilder().withNewMetadata().withName("env").endMetadata().withData(Map.of("A", "2")).build();
    assertThat(RelevantUpdates.matter(after, before)).isTrue();
  }
}
