package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.plan.Wait;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

  @Test
  void auditModeShowsWhatEnforceWouldWriteCountedPerAreaAndListedWithTheChecksItFixes() {
    String manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-env, namespace: shop}
        data: {API_TOKEN: "ghp_0123456789abcdefghijABCDEFGHIJ012345"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", envFrom: [{configMapRef: {name: web-env}}],
                            ports: [{containerPort: 8080}]}]
        """;
    var settings = TestManifests.settings("tier: production\nmode: Audit");
    List<io.fabric8.kubernetes.api.model.HasMetadata> live = TestManifests.parse(manifests);
    Result audit = Engine.audit(live, settings);
    Result promoted = Engine.promote(live, settings);
    var plan = dev.envprofile.engine.plan.WritePlanner.plan(promoted, dev.envprofile.engine.plan.LiveObjects.of(live),
        new dev.envprofile.engine.plan.Owner(NS, "p", "u1"));
    Inventory inv = Inventory.of(NS, live, settings.selector());
    EnvironmentProfileStatus s = new StatusBuilder(at("2026-01-01T00:00:00Z")).build(profile(1), audit, inv, null, plan);

    assertThat(s.phase).isEqualTo(Phase.Auditing);
    assertThat(s.plan.changes).isEqualTo(plan.steps().stream().filter(x -> x.ref() != null).count());
    assertThat(s.plan.byArea.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(s.plan.changes);
    assertThat(s.plan.byArea.get("SecretsReady")).isPositive();
    assertThat(s.plan.byArea.get("NetworkReady")).isPositive();
    assertThat(s.plan.objects).extracting(c -> c.phase + " " + c.action + " " + c.object)
        .contains("credentials apply Secret/web-env-secret", "user-objects apply Deployment/web");
    assertThat(s.plan.objects).filteredOn(c -> c.object.equals("Deployment/web")).singleElement()
        .satisfies(c -> assertThat(c.checks).contains("workload.probes"));
    assertThat(s.plan.objects).filteredOn(c -> c.object.equals("ConfigMap/web-env")).singleElement()
        .satisfies(c -> {
          assertThat(c.phase).isEqualTo("scrub");
          assertThat(c.checks).containsExactly("security.secrets-in-configmap");
        });
    assertThat(Writer.SERIALIZATION.asJson(s)).doesNotContain("ghp_0123456789");
  }
}
