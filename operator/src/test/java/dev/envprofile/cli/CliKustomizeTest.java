package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * -k DIR: the CLI runs `kubectl kustomize DIR` and reads what it prints, as -f reads a file. A fake
 * kubectl on PATH stands in (it checks its arguments, prints the shop's manifests or fails).
 */
class CliKustomizeTest {
  @TempDir
  Path dir;

  private Path bin;
  private Path app;
  private String profile;

  @BeforeEach
  void layout() throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("kustomization.yaml"), "resources: [all.yaml]\n");
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(Samples.ROOT.resolve("shop/manifests"))) {
      for (Path f : files.sorted().toList()) {
        all.append("---\n").append(Files.readString(f));
      }
    }
    Files.writeString(app.resolve("all.yaml"), all);
    profile = Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString();
  }

  private void kubectl(String body) throws IOException {
    Path k = bin.resolve("kubectl");
    Files.writeString(k, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(k, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Map<String, String> env() {
    return Map.of("PATH", bin + ":/usr/bin:/bin");
  }

  @Test
  void readsWhatKubectlKustomizeRendersLikeTheSameManifestsFromAFile() throws IOException {
    // The fake renders only when called as `kubectl kustomize DIR` with the directory given to -k.
    kubectl("[ \"$1\" = kustomize ] && [ \"$2\" = \"" + app + "\" ] || { echo \"bad args: $*\" >&2; exit 9; }\n"
        + "cat \"$2/all.yaml\"\n");
    Cli.Run viaK = Cli.runWithEnv(env(), "audit", "--profile", profile, "-k", app.toString(), "-o", "json");
    assertThat(viaK.exit()).as(viaK.err()).isZero();
    Cli.Run viaF = Cli.run("audit", "--profile", profile, "-f", Samples.ROOT.resolve("shop/manifests").toString(),
        "-o", "json");
    assertThat(viaK.out()).isEqualTo(viaF.out());

    Cli.Run promote = Cli.runWithEnv(env(), "promote", "--profile", profile, "-k", app.toString());
    assertThat(promote.exit()).as(promote.err()).isZero();
    assertThat(promote.out()).contains("kind: StatefulSet");
  }

  @Test
  void aFailingKubectlIsOneLineWithItsFirstErrorLine() throws IOException {
    kubectl("echo 'error: accumulating resources: missing.yaml: no such file' >&2\necho 'more detail' >&2\nexit 1\n");
    Cli.Run run = Cli.runWithEnv(env(), "audit", "--profile", profile, "-k", app.toString());
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("envprofile: " + app + ": kubectl kustomize failed (exit 1): error: accumulating"
        + " resources: missing.yaml: no such file\n");
  }

  @Test
  void kubectlsLogHeaderIsLeftOutOfTheLine() {
    assertThat(Kustomize.withoutLogHeader("E1130 11:53:04.406458    4473 run.go:72] \"command failed\" err=\"x\""))
        .isEqualTo("\"command failed\" err=\"x\"");
    assertThat(Kustomize.withoutLogHeader("error: accumulating resources: x")).isEqualTo("error: accumulating resources: x");
    assertThat(Kustomize.withoutLogHeader("E12")).isEqualTo("E12");
  }

  @Test
  void outputThatIsNotKubernetesYamlIsBadInputNamingTheKustomization() throws IOException {
    kubectl("echo 'not: [yaml'\n");
    Cli.Run run = Cli.runWithEnv(env(), "audit", "--profile", profile, "-k", app.toString());
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).startsWith("envprofile: <kustomize " + app + ">");
  }

  @Test
  void noKubectlIsOneClearLine() {
    Path nowhere = dir.resolve("none/kubectl");
    assertThatThrownBy(() -> Kustomize.locate("app/", Map.of("PATH", bin.toString()), nowhere))
        .isInstanceOf(BadInputException.class)
        .hasMessage("-k needs kubectl to render the kustomization, and none was found (on PATH or at " + nowhere
            + "): install kubectl, or render it yourself: kustomize build app/ | envprofile ... -f -");
  }

  @Test
  void theProjectsKubectlIsUsedWhenNoneIsOnPath() throws IOException {
    Path project = Files.createDirectories(dir.resolve("target/cluster")).resolve("kubectl");
    Files.writeString(project, "#!/bin/sh\n");
    Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Kustomize.locate("app/", Map.of("PATH", bin.toString()), project)).isEqualTo(project);
  }

  @Test
  void aDirectoryThatDoesNotExistIsNamed() throws IOException {
    kubectl("exit 0\n");
    Cli.Run run = Cli.runWithEnv(env(), "audit", "--profile", profile, "-k", dir.resolve("nope").toString());
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("no such directory (-k takes a directory holding a kustomization.yaml)");
  }

  @Test
  void noInputAtAllIsOneLine() {
    Cli.Run run = Cli.run("audit", "--profile", profile);
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).isEqualTo("envprofile: no input: give -f PATH, -k DIR or --namespace NS\n");
  }
}
