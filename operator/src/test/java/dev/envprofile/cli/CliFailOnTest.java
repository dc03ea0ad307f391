package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit --fail-on SEVERITY: exit 3 when a check fails at that severity or worse, one stderr line
 * counting them by severity; over several namespaces, each failing namespace is named.
 */
class CliFailOnTest {
  /** One plain Deployment: no critical finding, 11 warnings and 2 infos against production. */
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: %s
      spec:
        replicas: 1
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27.0
      """;

  @TempDir
  Path dir;

  private String profile;

  @BeforeEach
  void profileWithoutNamespace() throws IOException {
    String text = Files.readString(Samples.ROOT.resolve("shop/profiles/production-secret.yaml"))
        .replace("  namespace: shop\n", "");
    profile = Files.writeString(dir.resolve("production.yaml"), text).toString();
  }

  private String web(String ns) throws IOException {
    return Files.writeString(dir.resolve(ns + ".yaml"), WEB.formatted(ns)).toString();
  }

  @Test
  void passesWhenNothingFailsAtTheSeverityAndFailsWithOneLineWhenSomethingDoes() throws IOException {
    String web = web("front");
    Cli.Run critical = Cli.run("audit", "--profile", profile, "-f", web, "-o", "json", "--fail-on", "critical");
    assertThat(critical.exit()).as(critical.err()).isZero();
    assertThat(critical.err()).doesNotContain("--fail-on");

    Cli.Run warning = Cli.run("audit", "--profile", profile, "-f", web, "-o", "json", "--fail-on", "warning");
    assertThat(warning.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(warning.err()).contains("envprofile: failing checks at --fail-on warning or worse: 11 warning\n");

    Cli.Run info = Cli.run("audit", "--profile", profile, "-f", web, "-o", "json", "--fail-on", "info");
    assertThat(info.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(info.err()).contains("envprofile: failing checks at --fail-on info or worse: 11 warning, 2 info\n");
  }

  @Test
  void criticalFindingsOfTheShopFailIt() {
    Cli.Run run = Cli.run("audit", "--profile", Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString(),
        "-f", Samples.ROOT.resolve("shop/manifests").toString(), "-o", "json", "--fail-on", "critical");
    assertThat(run.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(run.err()).containsPattern("envprofile: failing checks at --fail-on critical: \\d+ critical\n");
  }

  @Test
  void anAcceptedFindingDoesNotGate() throws IOException {
    Path accepted = Files.createTempFile("accepted", ".yaml");
    Files.writeString(accepted, "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: p}\nspec:\n  tier: production\n  acceptedFindings:\n"
        + "  - {check: workload.probes, objects: [\"*/*\"], reason: probes come with the next release}\n");
    String web = web("front");
    Cli.Run open = Cli.run("audit", "--profile", profile, "-f", web, "-o", "json", "--fail-on", "warning");
    Cli.Run withAcceptance = Cli.run("audit", "--profile", accepted.toString(), "-f", web, "-o", "json", "--fail-on",
        "warning");
    int before = Integer.parseInt(open.err().replaceAll("(?s).*: (\\d+) warning.*", "$1"));
    int after = Integer.parseInt(withAcceptance.err().replaceAll("(?s).*: (\\d+) warning.*", "$1"));
    assertThat(after).isLessThan(before);
  }

  @Test
  void besideFailUnderEachGateSaysItsOwnLine() throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", profile, "-f", web("front"), "-o", "json", "--fail-on", "warning",
        "--fail-under", "99");
    assertThat(run.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(run.err()).containsPattern("parity \\d+% is under --fail-under 99\n")
        .contains("failing checks at --fail-on warning or worse: 11 warning\n");
    Cli.Run onlyParity = Cli.run("audit", "--profile", profile, "-f", web("front"), "-o", "json", "--fail-on", "critical",
        "--fail-under", "99");
    assertThat(onlyParity.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(onlyParity.err()).doesNotContain("--fail-on");
  }

  @Test
  void overSeveralNamespacesEachFailingNamespaceIsNamedAndOneNotAuditedFailsToo() throws IOException {
    String a = web("a");
    String b = web("b");
    Cli.Run clean = Cli.run("audit", "--profile", profile, "-f", a, "-f", b, "-o", "json", "--fail-on", "critical");
    assertThat(clean.exit()).as(clean.err()).isZero();

    Cli.Run warning = Cli.run("audit", "--profile", profile, "-f", a, "-f", b, "-o", "json", "--fail-on", "warning");
    assertThat(warning.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(warning.err()).isEqualTo("envprofile: failing checks at --fail-on warning or worse in 2 of 2 namespaces:"
        + " a (11 warning), b (11 warning)\n");

    // c holds only a ConfigMap: the profile selects no workload there, so c is not audited and fails the gate.
    String shopOnly = Files.writeString(dir.resolve("cm.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: c}
        data: {A: "1"}
        """).toString();
    Cli.Run notAudited = Cli.run("audit", "--profile", profile, "-f", a, "-f", shopOnly, "-o", "json", "--fail-on", "critical");
    assertThat(notAudited.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(notAudited.err()).isEqualTo("envprofile: failing checks at --fail-on critical in 1 of 2 namespaces:"
        + " c (not audited)\n");
  }

  @Test
  void anUnknownSeverityIsAUsageErrorThatNamesTheChoices() {
    Cli.Run run = Cli.run("audit", "--profile", profile, "-f", "x.yaml", "--fail-on", "warn");
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--fail-on").contains("warning");
  }
}
