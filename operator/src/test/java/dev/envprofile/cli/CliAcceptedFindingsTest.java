package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit shows accepted findings in every format, and the gate uses parity without them. */
class CliAcceptedFindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Path manifests;
  Path profile;
  Path plain;
  Path bare;

  @BeforeEach
  void files() throws IOException {
    manifests = dir.resolve("app.yaml");
    Files.writeString(manifests, """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
          annotations:
            envprofile.dev/accept: security.host-ids
            envprofile.dev/accept-reason: "vendor image runs as uid 999 (OPS-1)"
        spec:
          replicas: 3
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: "example/api:1.0"}]
        """);
    profile = dir.resolve("p.yaml");
    Files.writeString(profile, """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec:
          tier: production
          acceptedFindings:
          - {check: workload.priority-class, objects: [Deployment/api*], reason: "cluster admission sets it", expires: "2099-12-31"}
          - {check: workload.resources, objects: [Deployment/api], reason: "old decision", expires: "2001-01-01"}
        """);
    bare = dir.resolve("bare");
    Files.createDirectories(bare);
    Files.writeString(bare.resolve("app.yaml"), Files.readString(manifests).replace("envprofile.dev/accept", "example.com/note"));
    plain = dir.resolve("plain.yaml");
    Files.writeString(plain, "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p, namespace: shop}\n"
        + "spec: {tier: production}\n");
  }

  /** The same Deployment without its annotation, under a profile that accepts nothing. */
  private Cli.Run baseline(String... more) {
    Path keep = manifests;
    manifests = bare.resolve("app.yaml");
    try {
      return audit(plain, more);
    } finally {
      manifests = keep;
    }
  }

  private Cli.Run audit(Path p, String... more) {
    String[] args = new String[4 + more.length + 1];
    args[0] = "audit";
    args[1] = "--profile";
    args[2] = p.toString();
    args[3] = "-f";
    args[4] = manifests.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.run(args);
  }

  @Test
  void jsonCarriesReasonExpiryAndTheCount() throws IOException {
    Cli.Run run = audit(profile, "-o", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    JsonNode base = JSON.readTree(baseline("-o", "json").out());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(base.has("accepted")).as("absent when nothing is accepted").isFalse();
    assertThat(report.get("parity").asInt()).isGreaterThan(base.get("parity").asInt());
    // host-ids counts (and leaves failed); priority-class is info: listed as accepted, never counted
    assertThat(report.get("failed").asInt()).isEqualTo(base.get("failed").asInt() - 1);
    JsonNode hostIds = check(report, "security.host-ids");
    assertThat(hostIds.get("passed").asBoolean()).isFalse();
    assertThat(hostIds.get("accepted").asBoolean()).isTrue();
    assertThat(hostIds.get("acceptance").get("source").asText()).isEqualTo("annotation");
    assertThat(hostIds.get("acceptance").get("reason").asText()).isEqualTo("vendor image runs as uid 999 (OPS-1)");
    assertThat(hostIds.get("acceptance").has("expires")).isFalse();
    JsonNode priority = check(report, "workload.priority-class");
    assertThat(priority.get("acceptance").get("expires").asText()).isEqualTo("2099-12-31");
    assertThat(priority.get("acceptance").get("source").asText()).isEqualTo("profile");
    JsonNode resources = check(report, "workload.resources");
    assertThat(resources.get("accepted").asBoolean()).isFalse();
    assertThat(resources.get("acceptance").get("expired").asBoolean()).isTrue();
    assertThat(check(report, "workload.probes").has("acceptance")).isFalse();
  }

  @Test
  void theTableMarksAcceptedOnesAndNotesExpiredOnes() {
    Cli.Run run = audit(profile, "-o", "table");
    assertThat(run.out()).contains("accepted 2  (")
        .contains("note: 1 acceptance has expired and counts again: workload.resources Deployment/api (2001-01-01)")
        .contains("its acceptance expired 2001-01-01 (old decision): counts again")
        .contains("Accepted (2, out of parity):")
        .containsPattern("warning +security.host-ids +Deployment/api +no expiry")
        .containsPattern("workload.priority-class +Deployment/api +until 2099-12-31")
        .contains("accepted by annotation: vendor image runs as uid 999 (OPS-1)");
    String open = run.out().substring(0, run.out().indexOf("Accepted ("));
    assertThat(open).doesNotContain("security.host-ids");
  }

  @Test
  void sarifSuppressesWithAJustification() throws IOException {
    JsonNode results = JSON.readTree(audit(profile, "-o", "sarif").out()).get("runs").get(0).get("results");
    JsonNode hostIds = result(results, "security.host-ids");
    assertThat(hostIds.get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
    assertThat(hostIds.get("suppressions").get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(hostIds.get("suppressions").get(0).get("justification").asText()).isEqualTo("vendor image runs as uid 999 (OPS-1)");
    JsonNode priority = result(results, "workload.priority-class");
    assertThat(priority.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
    JsonNode resources = result(results, "workload.resources");
    assertThat(resources.has("suppressions")).isFalse();
    assertThat(resources.get("properties").get("acceptanceExpired").asText()).isEqualTo("2001-01-01");
  }

  @Test
  void junitSkipsAcceptedOnesWithTheReason() {
    String xml = audit(profile, "-o", "junit").out();
    assertThat(xml).contains("<testsuite name=\"security.host-ids\" tests=\"1\" failures=\"0\" skipped=\"1\">")
        .contains("<skipped message=\"accepted (no expiry): vendor image runs as uid 999 (OPS-1)\"/>")
        .contains("<skipped message=\"accepted (until 2099-12-31): cluster admission sets it\"/>")
        .contains("(its acceptance expired 2001-01-01)\"/>");
  }

  @Test
  void theGateUsesParityWithoutAcceptedFindings() throws IOException {
    int base = JSON.readTree(baseline("-o", "json").out()).get("parity").asInt();
    int accepted = JSON.readTree(audit(profile, "-o", "json").out()).get("parity").asInt();
    String gate = String.valueOf(accepted);
    assertThat(baseline("-o", "json", "--fail-under", gate).exit()).isEqualTo(3);
    assertThat(audit(profile, "-o", "json", "--fail-under", gate).exit()).isZero();
    assertThat(base).isLessThan(accepted);
  }

  @Test
  void anUnknownIdInTheProfileIsBadInput() throws IOException {
    Files.writeString(profile, Files.readString(profile).replace("workload.priority-class", "workload.nope"));
    Cli.Run run = audit(profile, "-o", "json");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("spec.acceptedFindings[0].check: Unsupported value: \"workload.nope\"");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  private static JsonNode check(JsonNode report, String id) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(id) && c.get("object").asText().equals("Deployment/shop/api")) {
        return c;
      }
    }
    throw new AssertionError(id + " not in the report");
  }

  private static JsonNode result(JsonNode results, String id) {
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError(id + " not in the SARIF results");
  }
}
