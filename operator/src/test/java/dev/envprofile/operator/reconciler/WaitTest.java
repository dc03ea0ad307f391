package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaitTest {
  @Test
  void aWatchedStatefulSetIsAwaitedByEventsAndAnExternalSecretsSecretByPolling() {
    assertThat(ProfileReconciler.waitSeconds(List.of("StatefulSet/postgres", "StatefulSet/redis"))).isEqualTo(30);
    assertThat(ProfileReconciler.waitSeconds(List.of("StatefulSet/postgres", "Secret/api-env (ExternalSecret/api-env)")))
        .isEqualTo(5);
  }
}
