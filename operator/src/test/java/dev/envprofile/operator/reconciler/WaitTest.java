package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.plan.Wait;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitTest {
  @Test
  void aWatchedStatefulSetIsAwaitedByEventsAndAnExternalSecretsSecretByPolling() {
    Wait postgres = new Wait(Wait.Reason.STATEFULSET_READY, new ObjectRef("StatefulSet", "shop", "postgres"), null);
    Wait redis = new Wait(Wait.Reason.STATEFULSET_READY, new ObjectRef("StatefulSet", "shop", "redis"), null);
    Wait secret = new Wait(Wait.Reason.EXTERNAL_SECRET_SYNC, new ObjectRef("Secret", "shop", "api-env"),
        new ObjectRef("ExternalSecret", "shop", "api-env"));
    assertThat(ProfileReconciler.waitSeconds(List.of(postgres, redis))).isEqualTo(30);
    assertThat(ProfileReconciler.waitSeconds(List.of(postgres, secret))).isEqualTo(5);
    assertThat(secret).hasToString("Secret/api-env (ExternalSecret/api-env)");
  }
}
