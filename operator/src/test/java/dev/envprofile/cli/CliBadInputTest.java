package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: exit 2 and one line on stderr naming the file (and line), never a stack trace. */
class CliBadInputTest {
  @TempDir
  Path dir;

  private Path profile;
  private Path manifests;

  @org.junit.jupiter.api.BeforeEach
  void files() throws IOException {
    profile = write("profile.yaml", """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec:
          tier: production
        """);
    manifests = write("app.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: shop}
        data: {A: b}
        ---
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

  @Test
  void malformedYamlNamesFileAndLine() throws IOException {
    Path bad = write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\ndata: [\n");
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()), bad + ":");
  }

  @Test
  void nonObjectDocument() throws IOException {
    Path bad = write("list.yaml", "- a\n- b\n");
    Cli.Run run = Cli.run("promote", "--profile", profile.toString(), "-f", bad.toString());
    assertOneLine(run, bad + ":1: document is not an object");
  }

  @Test
  void documentWithoutKind() throws IOException {
    Path bad = write("nokind.yaml", "apiVersion: v1\nmetadata: {name: x}\n");
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()), "document has no kind");
  }

  @Test
  void unknownTierNamesTheFieldAndLine() throws IOException {
    Path p = write("p.yaml", Files.readString(profile).replace("tier: production", "tier: prod"));
    Cli.Run run = Cli.run("audit", "--profile", p.toString(), "-f", manifests.toString());
    assertOneLine(run, p + ":5: spec.tier: unknown value 'prod' (one of local, staging, production)");
  }

  @Test
  void unknownProfileField() throws IOException {
    Path p = write("p.yaml", Files.readString(profile) + "  tierr: x\n");
    assertOneLine(Cli.run("audit", "--profile", p.toString(), "-f", manifests.toString()), "unknown field 'tierr'");
  }

  @Test
  void semanticallyInvalidProfile() throws IOException {
    Path p = write("p.yaml", Files.readString(profile) + "  network:\n    egressCIDRs: [\"10.0.0.0/33\"]\n");
    assertOneLine(Cli.run("audit", "--profile", p.toString(), "-f", manifests.toString()),
        "invalid profile: spec.network.egressCIDRs[0]");
  }

  @Test
  void externalSecretWithoutStore() throws IOException {
    Path p = write("p.yaml", Files.readString(profile) + "  secrets:\n    provider: ExternalSecret\n");
    assertOneLine(Cli.run("promote", "--profile", p.toString(), "-f", manifests.toString()),
        "p.yaml: spec.secrets: Invalid value: \"object\": secrets.externalSecret is required when secrets.provider is ExternalSecret");
  }

  @Test
  void missingFile() {
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", dir.resolve("nope.yaml").toString()),
        "nope.yaml: no such file or directory");
  }

  @Test
  void missingProfile() {
    assertOneLine(Cli.run("audit", "--profile", dir.resolve("none.yaml").toString(), "-f", manifests.toString()),
        "none.yaml: no such file");
  }

  @Test
  void profileOfAnotherKind() throws IOException {
    Path configMap = write("cm-profile.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
    assertOneLine(Cli.run("audit", "--profile", configMap.toString(), "-f", manifests.toString()),
        "expected apiVersion envprofile.dev/v1alpha1 kind EnvironmentProfile");
  }

  @Test
  void unknownOption() {
    Cli.Run run = Cli.run("audit", "--nope");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void failUnderGivesExit3() {
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-under", "101");
    assertThat(run.exit()).isEqualTo(2);
    Cli.Run ok = Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-under", "0");
    assertThat(ok.exit()).isZero();
  }

  @Test
  void readsStdin() throws IOException {
    Cli.Run run = Cli.runWithStdin(Files.readString(manifests), "promote", "--profile", profile.toString(), "-f", "-");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("name: c\n");
  }

  // Issue 13, defect 8: input the profile selects nothing of must never pass a gate.
  private static String deployment(String name, String namespace) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s%s}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers: [{name: main, image: "example/%s:1.0"}]
        ---
        """.formatted(name, namespace == null ? "" : ", namespace: " + namespace, name, name, name);
  }

  @Test
  void inputSpanningNamespacesWithAProfileThatNamesNoneIsAuditedPerNamespace() throws IOException {
    // Issue 19: was refused (exit 2); the profile now applies to each namespace (CliNamespacesTest).
    Path p = write("anyns.yaml", """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p}
        spec: {tier: production}
        """);
    Path in = write("many.yaml", deployment("a", "team-b") + deployment("b", "team-a") + deployment("c", "team-c"));
    Cli.Run run = Cli.run("audit", "--profile", p.toString(), "-f", in.toString(), "-o", "table");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("== namespace team-a", "== namespace team-b", "== namespace team-c",
        "== total  3 namespaces, 3 audited, 0 not audited");
    // objects without a namespace count as the profile's: one namespace plus some unnamespaced is fine
    Path one = write("one.yaml", deployment("a", "team-a") + deployment("b", null));
    assertThat(Cli.run("audit", "--profile", p.toString(), "-f", one.toString()).exit()).isZero();
    // but among several namespaces a Deployment without one belongs to none of them
    Path homeless = write("homeless.yaml", deployment("a", "team-a") + deployment("c", "team-c") + deployment("b", null));
    assertOneLine(Cli.run("audit", "--profile", p.toString(), "-f", homeless.toString()),
        homeless + ":21: Deployment/b names no namespace, and the input spans namespaces team-a, team-c:"
            + " set metadata.namespace");
  }

  @Test
  void inputWithNoWorkloadOfTheProfilesNamespaceIsBadInput() throws IOException {
    Path elsewhere = write("elsewhere.yaml", deployment("a", "team-a") + deployment("b", "team-b"));
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", elsewhere.toString(), "--fail-under", "95"),
        "the input has no workload in namespace shop (the profile's), only in team-a, team-b");

    Path noWorkload = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
    assertOneLine(Cli.run("promote", "--profile", profile.toString(), "-f", noWorkload.toString()),
        "the input has no workload (Deployment, StatefulSet, DaemonSet, Job, CronJob)");

    Path selective = write("sel.yaml", Files.readString(profile).replace("tier: production",
        "tier: production\n  selector: {matchLabels: {team: payments}}"));
    assertOneLine(Cli.run("audit", "--profile", selective.toString(), "-f", manifests.toString()),
        "none of the 1 workload(s) in namespace shop is selected");
  }

  // Regressions found by CliFuzzTest.
  @Test
  void aKindThatIsNotAStringIsOneLine() throws IOException {
    Path bad = write("numkind.yaml", "apiVersion: v1\nkind: 1.5\nmetadata: {name: x}\n");
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()), "kind must be a string");
  }

  @Test
  void aContainerWithoutANameIsOneLineNamingTheField() throws IOException {
    Path bad = write("noname.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: null
                image: postgres:15
        """);
    assertOneLine(Cli.run("promote", "--profile", profile.toString(), "-f", bad.toString()),
        "Deployment/db: spec.template.spec.containers[0].name is required");
  }

  private void assertOneLine(Cli.Run run, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
