package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepted findings in the profile's status: counts, the capped list, expired ones in findings, the condition and the Event's trigger. */
class AcceptedStatusTest {
  private static final String NS = TestManifests.NS;

  private static String deployments(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("""
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api-%d, namespace: shop}
          spec:
            replicas: 3
            selector: {matchLabels: {app: api-%d}}
            template:
              metadata: {labels: {app: api-%d}}
              spec:
                containers: [{name: c, image: "example/api:1.0"}]
          ---
          """.formatted(i, i, i));
    }
    return sb.toString();
  }

  private static EnvironmentProfileStatus status(String manifests, String spec, LocalDate today, EnvironmentProfile p) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p, namespace: shop}\nspec:\n"
        + spec.indent(2);
    Settings s = Engine.settings(NS, ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class).getSpec(), today);
    Result r = Engine.audit(TestManifests.parse(manifests), s);
    Inventory inv = Inventory.of(NS, TestManifests.parse(manifests), s.selector());
    return new StatusBuilder(Clock.fixed(Instant.parse("2026-03-15T00:00:00Z"), ZoneOffset.UTC)).build(p, r, inv, null);
  }

  private static EnvironmentProfile profile() {
    EnvironmentProfile p = new EnvironmentProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("p").withNamespace(NS).withGeneration(1L).withUid("u1").build());
    return p;
  }

  private static Condition parityCondition(EnvironmentProfileStatus s) {
    return s.conditions.stream().filter(c -> c.getType().equals("ParityTargetMet")).findFirst().orElseThrow();
  }

  private static final String SPEC = """
      tier: production
      mode: Audit
      acceptedFindings:
      - {check: security.host-ids, objects: ["Deployment/api-*"], reason: "vendor image (OPS-1)", expires: "%s"}
      """;

  @Test
  void acceptedFindingsAreCountedListedAndCapped() {
    String manifests = deployments(60);
    EnvironmentProfileStatus none = status(manifests, "tier: production\nmode: Audit", LocalDate.of(2026, 3, 15), profile());
    EnvironmentProfileStatus s = status(manifests, SPEC.formatted("2026-06-30"), LocalDate.of(2026, 3, 15), profile());
    assertThat(s.checks.accepted).isEqualTo(60);
    assertThat(none.checks.accepted).isZero();
    assertThat(s.checks.failed).isEqualTo(none.checks.failed - 60);
    assertThat(s.parity).isGreaterThan(none.parity);
    assertThat(s.accepted).hasSize(StatusBuilder.MAX_FINDINGS);
    assertThat(s.acceptedOmitted).isEqualTo(10);
    EnvironmentProfileStatus.AcceptedStatus first = s.accepted.get(0);
    assertThat(first.check).isEqualTo("security.host-ids");
    assertThat(first.object).isEqualTo("Deployment/api-0");
    assertThat(first.source).isEqualTo("profile");
    assertThat(first.reason).isEqualTo("vendor image (OPS-1)");
    assertThat(first.expires).isEqualTo("2026-06-30");
    assertThat(s.findings).noneMatch(f -> f.check.equals("security.host-ids"));
    assertThat(s.workloads.get(0).failing).doesNotContain("security.host-ids");
    assertThat(s.expiredAcceptances).isNull();
    assertThat(parityCondition(s).getMessage()).contains("; 60 accepted finding(s) out of the count");
  }

  @Test
  void anExpiredAcceptanceCountsAgainWithAConditionMessageAndAnEventOnce() {
    String manifests = deployments(2);
    EnvironmentProfile p = profile();
    EnvironmentProfileStatus before = status(manifests, SPEC.formatted("2026-03-14"), LocalDate.of(2026, 3, 14), p);
    assertThat(before.checks.accepted).isEqualTo(2);
    p.setStatus(before);
    EnvironmentProfileStatus after = status(manifests, SPEC.formatted("2026-03-14"), LocalDate.of(2026, 3, 15), p);
    assertThat(after.checks.accepted).isZero();
    assertThat(after.accepted).isNull();
    assertThat(after.findings).filteredOn(f -> f.check.equals("security.host-ids"))
        .extracting(f -> f.object + " " + f.acceptanceExpired)
        .containsExactly("Deployment/api-0 2026-03-14", "Deployment/api-1 2026-03-14");
    assertThat(after.expiredAcceptances).containsExactly("security.host-ids Deployment/api-0 (expired 2026-03-14)",
        "security.host-ids Deployment/api-1 (expired 2026-03-14)");
    assertThat(parityCondition(after).getMessage())
        .contains("2 acceptance(s) expired and count again: security.host-ids Deployment/api-0, security.host-ids Deployment/api-1");
    assertThat(ProfileReconciler.newlyExpired(before, after)).hasSize(2);
    p.setStatus(after);
    EnvironmentProfileStatus again = status(manifests, SPEC.formatted("2026-03-14"), LocalDate.of(2026, 3, 16), p);
    assertThat(ProfileReconciler.newlyExpired(after, again)).as("announced once").isEmpty();
    assertThat(ProfileReconciler.newlyExpired(null, again)).hasSize(2);
    assertThat(List.of(again.checks.failed)).containsExactly(after.checks.failed);
  }
}
