package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/report.schema.json describes the JSON reports the CLI really writes: audit of one namespace,
 * of several, and promote --report (single and several). It also refuses what a report never holds.
 */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() throws IOException {
    JsonNode tree = JSON.readTree(Samples.ROOT.getParent().resolve("docs/report.schema.json").toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree);
  }

  private static final String SHOP_PROFILE = Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString();
  private static final String SHOP = Samples.ROOT.resolve("shop/manifests").toString();

  private static Set<ValidationMessage> problems(JsonNode report) {
    return schema.validate(report);
  }

  private static JsonNode audit(String... args) throws IOException {
    Cli.Run run = Cli.run(args);
    assertThat(run.exit()).as(run.err()).isIn(0, Main.BELOW_TARGET);
    return JSON.readTree(run.out());
  }

  @Test
  void auditOfOneNamespace() throws IOException {
    JsonNode report = audit("audit", "--profile", SHOP_PROFILE, "-f", SHOP, "-o", "json");
    assertThat(report.get("checks").size()).isGreaterThan(10);
    assertThat(problems(report)).isEmpty();
  }

  @Test
  void auditWithAcceptedFindings() throws IOException {
    JsonNode report = audit("audit", "--profile", Samples.ROOT.resolve("shop/profiles/production-accepted.yaml").toString(),
        "-f", SHOP, "-o", "json");
    assertThat(report.get("accepted").asInt()).isPositive();
    assertThat(problems(report)).isEmpty();
  }

  @Test
  void auditOfSeveralNamespacesWithOneNotAudited() throws IOException {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.copy(Samples.ROOT.resolve("catalog/golden/production-externalsecret.promoted.yaml"), catalog.resolve("app.yaml"));
    Files.copy(Samples.ROOT.resolve("catalog/profiles/production-externalsecret.yaml"), catalog.resolve("profile.yaml"));
    JsonNode report = audit("audit", "--profile", SHOP_PROFILE, "-f", SHOP, "-f", catalog.toString(), "-f",
        Samples.ROOT.resolve("orders/manifests").toString(), "-o", "json");
    assertThat(report.get("notAudited").asInt()).isEqualTo(1);
    assertThat(problems(report)).isEmpty();
  }

  @Test
  void promoteReportsSingleAndSeveral() throws IOException {
    Path single = dir.resolve("single.json");
    assertThat(Cli.run("promote", "--profile", SHOP_PROFILE, "-f", SHOP, "--report", single.toString()).exit()).isZero();
    assertThat(problems(JSON.readTree(single.toFile()))).isEmpty();

    Path several = dir.resolve("several.json");
    Path catalog = Files.createDirectories(dir.resolve("c"));
    Files.copy(Samples.ROOT.resolve("catalog/golden/production-externalsecret.promoted.yaml"), catalog.resolve("app.yaml"));
    Files.copy(Samples.ROOT.resolve("catalog/profiles/production-externalsecret.yaml"), catalog.resolve("profile.yaml"));
    assertThat(Cli.run("promote", "--profile", SHOP_PROFILE, "-f", SHOP, "-f", catalog.toString(), "--report",
        several.toString()).exit()).isZero();
    JsonNode report = JSON.readTree(several.toFile());
    assertThat(report.get("namespaces").size()).isEqualTo(2);
    assertThat(problems(report)).isEmpty();
  }

  @Test
  void theSchemaRefusesWhatNoReportHolds() throws IOException {
    JsonNode real = audit("audit", "--profile", SHOP_PROFILE, "-f", SHOP, "-o", "json");
    ObjectNode unknownField = real.deepCopy();
    unknownField.put("score", 3);
    assertThat(problems(unknownField)).isNotEmpty();
    ObjectNode badSeverity = real.deepCopy();
    ((ObjectNode) badSeverity.get("checks").get(0)).put("severity", "high");
    assertThat(problems(badSeverity)).isNotEmpty();
    ObjectNode missingParity = real.deepCopy();
    missingParity.remove("parity");
    assertThat(problems(missingParity)).isNotEmpty();
    ObjectNode parityOver = real.deepCopy();
    parityOver.put("parity", 101);
    assertThat(problems(parityOver)).isNotEmpty();
  }
}
