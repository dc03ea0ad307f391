package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.plan.Wait;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {
  private static final String NS = TestManifests.NS;
  private static final String MANIFESTS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: "web:1.0", ports: [{containerPort: 8080}]}]
      """;

  private static EnvironmentProfile profile(long generation) {
    EnvironmentProfile p = new EnvironmentProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("p").withNamespace(NS).withGeneration(generation).withUid("u1").build());
    return p;
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void auditModeReportsAuditingAndParity() {
    var settings = TestManifests.settings("tier: production\nmode: Audit");
    Result r = Engine.audit(TestManifests.parse(MANIFESTS), settings);
    Inventory inv = Inventory.of(NS, TestManifests.parse(MANIFESTS), settings.selector());
    EnvironmentProfileStatus s = new StatusBuilder(at("2026-01-01T00:00:00Z")).build(profile(1), r, inv, null);
    assertThat(s.phase).isEqualTo(Phase.Auditing);
    assertThat(s.parity).isEqualTo(r.report().parity());
    assertThat(s.parityDisplay).isEqualTo(r.report().parity() + "%");
    assertThat(s.parityTarget).isEqualTo(95);
    assertThat(s.observedGeneration).isEqualTo(1);
    assertThat(s.conditions).extracting(Condition::getType).containsExactly("Ready", "Valid", "ParityTargetMet",
        "StorageReady", "SecretsReady", "NetworkReady", "TLSReady", "WorkloadsReady");
    assertThat(s.conditions).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(1));
    assertThat(s.workloads).extracting(w -> w.kind + "/" + w.name).containsExactly("Deployment/web");
  }

  @Test
  void lastTransitionTimeIsKeptUnlessTheStatusFlips() {
    var settings = TestManifests.settings("tier: production\nmode: Audit");
    Result r = Engine.audit(TestManifests.parse(MANIFESTS), settings);
    Inventory inv = Inventory.of(NS, TestManifests.parse(MANIFESTS), settings.selector());
    EnvironmentProfile p = profile(1);
    p.setStatus(new StatusBuilder(at("2026-01-01T00:00:00Z")).build(p, r, inv, null));
    EnvironmentProfileStatus again = new StatusBuilder(at("2026-02-02T00:00:00Z")).build(profile(2), r, inv, null);
    p.getMetadata().setGeneration(2L);
    EnvironmentProfileStatus next = new StatusBuilder(at("2026-02-02T00:00:00Z")).build(p, r, inv, null);
    assertThat(next.conditions).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z"));
    assertThat(next.conditions).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(2));
    assertThat(again.conditions).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-02-02T00:00:00Z"));
  }

  @Test
  void invalidKeepsParityAndFlipsValid() {
    EnvironmentProfile p = profile(3);
    EnvironmentProfileStatus s = new StatusBuilder(at("2026-01-01T00:00:00Z")).invalid(p, "Conflict", "another profile");
    assertThat(s.phase).isEqualTo(Phase.Invalid);
    assertThat(s.conditions).filteredOn(c -> c.getType().equals("Valid"))
        .singleElement().satisfies(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo("Conflict");
        });
  }

  @Test
  void waitingForAStatefulSetIsPromoting() {
    var settings = TestManifests.settings("tier: production");
    Result r = Engine.promote(TestManifests.parse(MANIFESTS), settings);
    Inventory inv = Inventory.of(NS, TestManifests.parse(MANIFESTS), settings.selector());
    PlanExecutor.Outcome o = new PlanExecutor.Outcome();
    o.waiting.add(new Wait(Wait.Reason.STATEFULSET_READY, new ObjectRef("StatefulSet", NS, "db"), null));
    EnvironmentProfileStatus s = new StatusBuilder(at("2026-01-01T00:00:00Z")).build(profile(1), r, inv, o);
    assertThat(s.phase).isEqualTo(Phase.Promoting);
    assertThat(s.conditions).filteredOn(c -> c.getType().equals("StorageReady")).singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("WaitingForStatefulSet"));
    PlanExecutor.Outcome failed = new PlanExecutor.Outcome();
    failed.failures.add(new PlanExecutor.Failure("Secret/x", "HTTP 403"));
    assertThat(new StatusBuilder(at("2026-01-01T00:00:00Z")).build(profile(1), r, inv, failed).phase)
        .isEqualTo(Phase.Degraded);
    PlanExecutor.Outcome quiet = new PlanExecutor.Outcome();
    assertThat(new StatusBuilder(at("2026-01-01T00:00:00Z")).build(profile(1), r, inv, quiet).phase)
        .isEqualTo(Phase.Promoted);
    assertThat(new ObjectRef("A", "b", "c").shortName()).isEqualTo("A/c");
  }
}
