package dev.envprofile.engine.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.NamespaceGenerator;
import dev.envprofile.testing.TestManifests;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Issue 18: messages say what production will need, and count words agree with their counts. */
class MessageWordingTest {
  private static final String ONE_REPLICA = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: "example/web:1.0", ports: [{containerPort: 8080}]}]
      """;

  @Test
  void aOneReplicaWorkloadIsToldItWillBeReplicatedInProduction() {
    List<CheckResult> findings = TestManifests.audit(ONE_REPLICA, "tier: production").report().findings();
    assertThat(message(findings, "workload.disruption-budget"))
        .isEqualTo("Deployment/web will run 3 replicas in production (runs 1 now) and no PodDisruptionBudget covers its"
            + " pods: a node drain may stop all of them at once")
        .doesNotContain("is replicated");
    assertThat(message(findings, "workload.replicas")).contains("runs 1 replica;").doesNotContain("(s)");
    assertThat(message(findings, "workload.probes")).contains(": container without readiness/liveness probes: web");
  }

  @Test
  void aReplicatedWorkloadSaysHowManyItRuns() {
    List<CheckResult> findings = TestManifests.audit(ONE_REPLICA.replace("replicas: 1", "replicas: 4"), "tier: production")
        .report().findings();
    assertThat(message(findings, "workload.disruption-budget")).contains(" runs 4 replicas and no PodDisruptionBudget");
  }

  @Test
  void plurals() {
    assertThat(Plural.count(1, "replica")).isEqualTo("1 replica");
    assertThat(Plural.count(0, "replica")).isEqualTo("0 replicas");
    assertThat(Plural.noun(2, "volume")).isEqualTo("volumes");
    assertThat(Plural.verb(1, "holds", "hold")).isEqualTo("holds");
    assertThat(Plural.verb(2, "holds", "hold")).isEqualTo("hold");
  }

  /** No finding message on generated namespaces hedges a plural with "(s)". */
  @Property(tries = 20)
  void noMessageSaysParenthesisS(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int size) {
    var report = Engine.audit(NamespaceGenerator.generate(seed, size, TestManifests.NS), TestManifests.settings("tier: production"))
        .report();
    assertThat(report.findings()).allSatisfy(r -> assertThat(r.message()).as(r.check().id()).doesNotContain("(s)"));
  }

  private static String message(List<CheckResult> findings, String id) {
    return findings.stream().filter(r -> r.check().id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + findings.stream().map(r -> r.check().id()).toList()))
        .message();
  }
}
