package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.it.support.*;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kube-apiserver or etcd killed and restarted in the middle of a promotion (while the StatefulSets
 * wait for volumes): the operator's watches reconnect and it finishes the promotion, nothing lost.
 * Runs last (failsafe runs classes in alphabetical order): the control plane is shared.
 */
class RestartIT extends OperatorTest {

  @ParameterizedTest(name = "{0} restarted")
  @ValueSource(strings = {"kube-apiserver", "etcd"})
  void aPromotionSurvivesAControlPlaneRestart(String component) {
    applyAsUser(sample("shop"));
    NothingLost check = new NothingLost(client, namespace);
    NothingLost.Snapshot before = check.snapshot();
    EnvironmentProfile profile = sampleProfile("shop", "production-secret");
    profile.getSpec().storage.storageClassName = "held";
    applyAsUser(List.of(profile));
    eventually().until(() -> client.apps().statefulSets().inNamespace(namespace).list().getItems().size() == 3);
    waitForPhase(profile.getMetadata().getName(), Phase.Promoting);

    cluster.restart(component, 3);

    // A change made after the restart must reach the operator through its re-established watches.
    client.apps().deployments().inNamespace(namespace).withName("api").scale(1);
    eventually().untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas()).isEqualTo(3));
    bindHeldClaims();
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    assertThat(check.problems(before, profile)).as("broken or lost").isEmpty();
  }
}
