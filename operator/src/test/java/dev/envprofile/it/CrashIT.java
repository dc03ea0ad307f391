package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.it.support.*;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator killed in the middle of a promotion: the jar runs as a child process that dies
 * (exit 137, no shutdown hook, like SIGKILL) right after a chosen write, through the test-only
 * failpoint ENVPROFILE_TEST_HALT_AFTER. Nothing may be broken or lost at that moment, and a
 * restarted operator must finish with the same namespace an uninterrupted run gives.
 */
class CrashIT extends ClusterTest {

  @ParameterizedTest(name = "killed after plan step {0}")
  @ValueSource(strings = {
      "credentials/Secret:1",      // the first credential Secret, consumers not moved yet
      "revert-log:1",              // the revert log, written before any user object changes
      "generated/StatefulSet:1",   // a StatefulSet created, its Deployment still serving
      "user-objects/Deployment:1", // user workloads half rewritten
      "policies/NetworkPolicy:2",  // policies half applied
      "cutover/Deployment:1",      // a Deployment at 0 replicas, its StatefulSet serving
      "scrub/ConfigMap:1"          // keys half removed from the ConfigMaps
  })
  void aPromotionKilledMidwayLosesNothingAndARestartFinishesIt(String haltAfter) throws Exception {
    applyAsUser(sample("shop"));
    NothingLost check = new NothingLost(client, namespace);
    NothingLost.Snapshot before = check.snapshot();
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    applyAsUser(List.of(profile));

    Process crashing = operator(haltAfter, "crash");
    assertThat(crashing.waitFor(120, TimeUnit.SECONDS)).as("the operator reached " + haltAfter).isTrue();
    assertThat(crashing.exitValue()).as("exit of the operator halted after " + haltAfter + "; see "
        + OperatorProcess.log(log("crash")))
        .isEqualTo(137);
    assertThat(check.problems(before, profile)).as("broken or lost right after the kill").isEmpty();

    Process restarted = operator(null, "restart");
    try {
      waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    } finally {
      restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(check.problems(before, profile)).as("broken or lost after the restart").isEmpty();

    Result uninterrupted = Engine.promote(sample("shop"), Engine.settings(namespace, profile.getSpec()));
    List<String> differences = LiveMatch.inCluster(client, uninterrupted.objects());
    assertThat(differences).as("the namespace differs from an uninterrupted promotion").isEmpty();
  }

  /** The operator jar as a child process, watching only this test's namespace. */
  private Process operator(String haltAfter, String name) throws IOException {
    return OperatorProcess.start(cluster.kubeconfig(), log(name), haltAfter == null ? Map.of()
        : Map.of("ENVPROFILE_TEST_HALT_AFTER", haltAfter), "--no-leader-election", "--namespaces=" + namespace);
  }

  private String log(String name) {
    return namespace + "-" + name;
  }
}
