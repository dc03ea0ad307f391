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

  /** Found by the scale benchmark: each rollout's revision annotation and each claim's binding triggered a reconcile. */
  @Test
  void controllersOwnAnnotationsAndAClaimsBindingTriggerNothing() {
    Map<String, String> app = Map.of("app", "api");
    Deployment before = deployment(4, 1, app);
    Deployment rolled = new DeploymentBuilder(before).editMetadata()
        .addToAnnotations("deployment.kubernetes.io/revision", "2").endMetadata().build();
    assertThat(RelevantUpdates.matter(rolled, before)).as("revision annotation").isFalse();
    Deployment annotated = new DeploymentBuilder(rolled).editMetadata()
        .addToAnnotations("envprofile.dev/accept", "workload.replicas").endMetadata().build();
    assertThat(RelevantUpdates.matter(annotated, rolled)).as("a user's annotation").isTrue();

    var pending = new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder().withNewMetadata().withName("data-db-0")
        .endMetadata().withNewSpec().withStorageClassName("standard").withNewResources()
        .addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("1Gi")).endResources().endSpec()
        .withNewStatus().withPhase("Pending").endStatus().build();
    var bound = new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(pending).editMetadata()
        .addToAnnotations("pv.kubernetes.io/bind-completed", "yes").endMetadata().editSpec().withVolumeName("pv-1").endSpec()
        .editStatus().withPhase("Bound").endStatus().build();
    assertThat(RelevantUpdates.matter(bound, pending)).as("bound by the binder").isFalse();
    var resized = new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(bound).editSpec().editResources()
        .addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("2Gi")).endResources().endSpec().build();
    assertThat(RelevantUpdates.matter(resized, bound)).as("resized").isTrue();
    var relabelled = new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(bound).editMetadata()
        .addToLabels("app", "db").endMetadata().build();
    assertThat(RelevantUpdates.matter(relabelled, bound)).as("labelled").isTrue();
  }
}
