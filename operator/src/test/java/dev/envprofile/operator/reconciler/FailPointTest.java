package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.WritePhase;
import dev.envprofile.engine.plan.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailPointTest {
  private static Step apply(WritePhase phase, String kind) {
    return new Step.Apply(phase, new ObjectRef(kind, "shop", "x"), JsonNodeFactory.instance.objectNode(), "test");
  }

  @Test
  void theFailPointOfTheEnvironmentExistsAndMatchesNothingWhenUnset() {
    assertThat(FailPoint.FROM_ENV).isNotNull();
    assertThat(FailPoint.NONE.matches(apply(WritePhase.CREDENTIALS, "Secret"))).isFalse();
    assertThat(FailPoint.parse(null)).isSameAs(FailPoint.NONE);
  }

  @Test
  void aHaltPointNamesAPhaseAndOptionallyAKind() {
    FailPoint secrets = FailPoint.parse("credentials/Secret:2");
    assertThat(secrets.matches(apply(WritePhase.CREDENTIALS, "Secret"))).isTrue();
    assertThat(secrets.matches(apply(WritePhase.CREDENTIALS, "ExternalSecret"))).isFalse();
    assertThat(secrets.matches(apply(WritePhase.USER_OBJECTS, "Secret"))).isFalse();
    FailPoint log = FailPoint.parse("revert-log:1");
    assertThat(log.matches(new Step.RecordRevert(List.of(), Map.of()))).isTrue();
    assertThat(log.matches(apply(WritePhase.CREDENTIALS, "Secret"))).isFalse();
  }
}
