package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Offline, a profile is refused where the API server refuses it, naming the same field: one row per
 * constraint of the CRD (every enum, pattern, minimum, maximum, length, item count, required field and CEL rule, which
 * {@link #everyConstraintOfTheCrdHasARow} checks against the CRD itself), plus wrong types. The
 * rows of BadProfileIT are here with the field path the API server names.
 */
class ProfileSchemaTest {
  private static final String ES = "secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: s}";

  /** constraint id (path and kind, as {@link #constraints} names them) | spec lines | field path the API server names. */
  static Stream<Arguments> rows() {
    return Stream.of(
        row("spec.tier enum", "tier: prod", "spec.tier"),
        row("spec required tier", "mode: Audit", "spec.tier"),
        row("spec.mode enum", "tier: production; mode: Dry", "spec.mode"),
        row("spec.deletionPolicy enum", "tier: production; deletionPolicy: Delete", "spec.deletionPolicy"),
        row("spec.parityTarget maximum", "tier: production; parityTarget: 101", "spec.parityTarget"),
        row("spec.parityTarget minimum", "tier: production; parityTarget: -1", "spec.parityTarget"),
        row("spec.secrets.provider enum", "tier: production; secrets: {provider: Vault}", "spec.secrets.provider"),
        row("spec.secrets rule", "tier: production; secrets: {provider: ExternalSecret}",
            "spec.secrets: Invalid value: \"object\": secrets.externalSecret is required"),
        row("spec.secrets.externalSecret required secretStoreRef", "tier: production; secrets: {provider: ExternalSecret, externalSecret: {}}",
            "spec.secrets.externalSecret.secretStoreRef: Required value"),
        row("spec.secrets.externalSecret.secretStoreRef required name",
            "tier: production; secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {kind: SecretStore}}}",
            "spec.secrets.externalSecret.secretStoreRef.name: Required value"),
        row("spec.secrets.externalSecret.secretStoreRef.kind enum",
            "tier: production; secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: s, kind: Store}}}",
            "spec.secrets.externalSecret.secretStoreRef.kind"),
        row("spec.secrets.externalSecret.refreshInterval pattern", "tier: production; " + ES + ", refreshInterval: soon}}",
            "spec.secrets.externalSecret.refreshInterval"),
        row("spec.storage.size pattern", "tier: production; storage: {size: lots}", "spec.storage.size"),
        row("spec.storage.accessModes[] enum", "tier: production; storage: {accessModes: [ReadWriteSometimes]}",
            "spec.storage.accessModes[0]"),
        row("spec.network.externalEgress enum", "tier: production; network: {externalEgress: Open}", "spec.network.externalEgress"),
        row("spec.network.unknownPeers enum", "tier: production; network: {unknownPeers: Allow}", "spec.network.unknownPeers"),
        row("spec.network.monitoringNamespace pattern", "tier: production; network: {monitoringNamespace: Monitoring}",
            "spec.network.monitoringNamespace"),
        row("spec.tls rule", "tier: production; tls: {clusterIssuer: a, issuer: b}",
            "spec.tls: Invalid value: \"object\": tls: set clusterIssuer or issuer, not both"),
        row("spec.workloads.minReplicas minimum", "tier: production; workloads: {minReplicas: 0}", "spec.workloads.minReplicas"),
        row("spec.workloads.minReplicas maximum", "tier: production; workloads: {minReplicas: 1001}", "spec.workloads.minReplicas"),
        row("spec.workloads.podSecurity enum", "tier: production; workloads: {podSecurity: strict}", "spec.workloads.podSecurity"),
        row("spec.workloads rule", "tier: production; workloads: {minReplicas: 5, autoscaling: {maxReplicas: 2}}",
            "spec.workloads: Invalid value: \"object\": workloads.autoscaling.maxReplicas must be at least workloads.minReplicas"),
        row("spec.workloads.autoscaling.targetCPUUtilizationPercentage minimum",
            "tier: production; workloads: {autoscaling: {targetCPUUtilizationPercentage: 0}}",
            "spec.workloads.autoscaling.targetCPUUtilizationPercentage"),
        row("spec.workloads.autoscaling.targetCPUUtilizationPercentage maximum",
            "tier: production; workloads: {autoscaling: {targetCPUUtilizationPercentage: 101}}",
            "spec.workloads.autoscaling.targetCPUUtilizationPercentage"),
        row("spec.workloads.autoscaling.maxReplicas minimum", "tier: production; workloads: {autoscaling: {maxReplicas: 0}}",
            "spec.workloads.autoscaling.maxReplicas"),
        row("spec.images.registryRewrites[] required from", "tier: production; images: {registryRewrites: [{to: r.example.com}]}",
            "spec.images.registryRewrites[0].from: Required value"),
        row("spec.images.registryRewrites[] required to", "tier: production; images: {registryRewrites: [{from: localhost:5000}]}",
            "spec.images.registryRewrites[0].to: Required value"),
        row("spec.acceptedFindings maxItems", "tier: production; acceptedFindings: " + acceptList(101),
            "spec.acceptedFindings: Too many: 101: must have at most 100 items"),
        row("spec.acceptedFindings[] required check", "tier: production; acceptedFindings: [{objects: [Deployment/web], reason: r}]",
            "spec.acceptedFindings[0].check: Required value"),
        row("spec.acceptedFindings[] required objects", "tier: production; acceptedFindings: [{check: security.host-ids, reason: r}]",
            "spec.acceptedFindings[0].objects: Required value"),
        row("spec.acceptedFindings[] required reason",
            "tier: production; acceptedFindings: [{check: security.host-ids, objects: [Deployment/web]}]",
            "spec.acceptedFindings[0].reason: Required value"),
        row("spec.acceptedFindings[].check enum",
            "tier: production; acceptedFindings: [{check: security.everything, objects: [Deployment/web], reason: r}]",
            "spec.acceptedFindings[0].check: Unsupported value: \"security.everything\""),
        row("spec.acceptedFindings[].objects maxItems",
            "tier: production; acceptedFindings: [{check: security.host-ids, reason: r, objects: [" + "D/a, ".repeat(20) + "D/b]}]",
            "spec.acceptedFindings[0].objects: Too many: 21"),
        row("spec.acceptedFindings[].objects minItems",
            "tier: production; acceptedFindings: [{check: security.host-ids, reason: r, objects: []}]",
            "spec.acceptedFindings[0].objects: Invalid value: 0"),
        row("spec.acceptedFindings[].objects[] pattern",
            "tier: production; acceptedFindings: [{check: security.host-ids, reason: r, objects: [web]}]",
            "spec.acceptedFindings[0].objects[0]: Invalid value: \"web\""),
        row("spec.acceptedFindings[].objects[] maxLength",
            "tier: production; acceptedFindings: [{check: security.host-ids, reason: r, objects: [Deployment/" + "a".repeat(310) + "]}]",
            "spec.acceptedFindings[0].objects[0]: Too long"),
        row("spec.acceptedFindings[].objects[] minLength",
            "tier: production; acceptedFindings: [{check: security.host-ids, reason: r, objects: [D/]}]",
            "spec.acceptedFindings[0].objects[0]: Invalid value: \"D/\": should be at least 3"),
        row("spec.acceptedFindings[].reason maxLength",
            "tier: production; acceptedFindings: [{check: security.host-ids, objects: [Deployment/web], reason: " + "x".repeat(513) + "}]",
            "spec.acceptedFindings[0].reason: Too long"),
        row("spec.acceptedFindings[].reason minLength",
            "tier: production; acceptedFindings: [{check: security.host-ids, objects: [Deployment/web], reason: \"\"}]",
            "spec.acceptedFindings[0].reason"),
        row("spec.acceptedFindings[].expires pattern",
            "tier: production; acceptedFindings: [{check: security.host-ids, objects: [Deployment/web], reason: r, expires: next year}]",
            "spec.acceptedFindings[0].expires"),
        // Types: YAML that Jackson would coerce, the API server refuses.
        row("type", "tier: production; parityTarget: \"90\"", "spec.parityTarget: Invalid value: \"string\": must be of type integer"),
        row("type", "tier: production; workloads: {minReplicas: 2.5}", "spec.workloads.minReplicas: Invalid value: \"number\": must be of type integer"),
        row("type", "tier: production; storage: {convertEmptyDir: \"true\"}", "spec.storage.convertEmptyDir: Invalid value: \"string\": must be of type boolean"),
        row("type", "tier: production; tls: {issuer: 5}", "spec.tls.issuer: Invalid value: \"number\": must be of type string"),
        row("type", "tier: production; workloads: {env: {DEBUG: 1}}", "spec.workloads.env.DEBUG: Invalid value: \"number\": must be of type string"));
  }

  private static String acceptList(int n) {
    return "[" + "{check: security.host-ids, objects: [Deployment/web], reason: r}, ".repeat(n - 1)
        + "{check: security.host-ids, objects: [Deployment/web], reason: r}]";
  }

  private static Arguments row(String constraint, String spec, String path) {
    return Arguments.of(constraint, spec, path);
  }

  @TempDir
  Path dir;
  private Path manifests;

  @BeforeEach
  void manifests() throws IOException {
    manifests = dir.resolve("app.yaml");
    Files.writeString(manifests, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "example/web:1.0"}]
        """);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void refusedOfflineNamingTheFieldTheApiServerNames(String constraint, String spec, String path) throws IOException {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: bad, namespace: shop}\nspec:\n"
        + spec.replace("; ", "\n").indent(2));
    for (String command : new String[] {"audit", "promote"}) {
      Cli.Run run = Cli.run(command, "--profile", p.toString(), "-f", manifests.toString());
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
      assertThat(run.err()).startsWith("envprofile: " + p).contains(": " + path);
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void everyConstraintOfTheCrdHasARow() {
    Set<String> covered = rows().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> constraints = new TreeSet<>();
    constraints(ProfileSchema.schema().path("properties").path("spec"), "spec", constraints);
    assertThat(constraints).as("the CRD's constraints; RULES has a Java form of each rule").isNotEmpty();
    assertThat(covered).containsAll(constraints);
  }

  @Test
  void everyCelRuleOfTheCrdHasAJavaForm() {
    Set<String> rules = new TreeSet<>();
    ProfileSchema.schema().findValues("x-kubernetes-validations").forEach(list -> list.forEach(
        v -> rules.add(ProfileSchema.normalize(v.path("rule").asText()))));
    assertThat(rules).hasSize(3);
    assertThat(ProfileSchema.RULES.keySet()).containsExactlyInAnyOrderElementsOf(rules);
  }

  /** No false refusal: every sample profile, and the nulls and edge values the CRD allows, pass. */
  @Test
  void whatTheCrdAcceptsIsAccepted() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
      for (Path f : files.filter(x -> x.toString().contains("profiles") && x.toString().endsWith(".yaml")).toList()) {
        JsonNode profile = LinearYamlFactory.mapper().readTree(Files.readString(f));
        assertThat(ProfileSchema.problem(profile)).as(f.toString()).isEmpty();
      }
    }
    String edge = """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p}
        spec:
          tier: staging
          parityTarget: 0
          workloads: {minReplicas: 1000, env: {DEBUG: null, LOG: info}, autoscaling: {maxReplicas: 1000, targetCPUUtilizationPercentage: 100}}
          storage: {size: 1.5Gi, accessModes: [ReadWriteOncePod]}
          secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: s}, refreshInterval: 1h30m}}
          tls: {issuer: i, clusterIssuer: null}
          network: {monitoringNamespace: mon-1}
          acceptedFindings:
          - {check: promotion.policy-refused, objects: ["*/*", "Deployment/api-*", "D/x"], reason: r, expires: "2099-12-31"}
        """;
    assertThat(ProfileSchema.problem(LinearYamlFactory.mapper().readTree(edge))).isEmpty();
  }

  /** Every enum, pattern, minimum, maximum, required field and rule under {@code schema}, as "path kind". */
  private static void constraints(JsonNode schema, String path, Set<String> out) {
    for (String kind : new String[] {"enum", "pattern", "minimum", "maximum", "maxItems", "minItems", "maxLength",
        "minLength"}) {
      if (schema.has(kind)) {
        out.add(path + " " + kind);
      }
    }
    schema.path("required").forEach(r -> out.add(path + " required " + r.asText()));
    if (schema.has("x-kubernetes-validations")) {
      out.add(path + " rule");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      constraints(p.getValue(), path + "." + p.getKey(), out);
    }
    if (schema.has("items")) {
      constraints(schema.get("items"), path + "[]", out);
    }
    if (schema.path("additionalProperties").isObject()) {
      constraints(schema.get("additionalProperties"), path + "{}", out);
    }
  }
}
