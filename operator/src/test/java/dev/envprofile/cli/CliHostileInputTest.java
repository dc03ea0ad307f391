package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.envprofile.testing.Cli;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input written to hurt: links out of a -f directory, link loops, oversized files and documents,
 * alias bombs, deep nesting, and multi-megabyte values of pathological text. Each is a report in
 * seconds or exit 2 with one line, never a hang, an OutOfMemoryError or a trace.
 */
class CliHostileInputTest {
  /** Generous for a busy 2-core machine: a 3 MB value takes about 1 s in-process (docs/reliability.md). */
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: example/web:1.0
              envFrom: [{configMapRef: {name: big}}]
      """;

  @TempDir
  Path dir;
  private Path profile;

  @BeforeEach
  void profile() throws IOException {
    profile = write(dir.resolve("profile.yaml"), """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec: {tier: production}
        """);
  }

  static Stream<Arguments> pathologicalValues() {
    int n = 3_000_000;
    Random r = new Random(14);
    StringBuilder random = new StringBuilder(n);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .:/-_${}()@=";
    for (int i = 0; i < n; i++) {
      random.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return Stream.of(
        Arguments.of("random text", random.toString()),
        Arguments.of("'a' x 3M", "a".repeat(n)),
        Arguments.of("'a' x 3M then ://", "a".repeat(n - 3) + "://"),
        Arguments.of("'a.' x 1.5M", "a.".repeat(n / 2)),
        Arguments.of("'${' x 1.5M", "${".repeat(n / 2)),
        Arguments.of("'://' x 1M", "://".repeat(n / 3)),
        Arguments.of("'$(' x 1.5M", "$(".repeat(n / 2)));
  }

  /** The largest value a document may hold (3 MiB, the API server's limit), of text each scanner finds hardest. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pathologicalValues")
  void aThreeMegabyteValueIsAuditedAndPromotedInSeconds(String shape, String value) throws IOException {
    Path f = write(dir.resolve("big.yaml"), configMap(value) + "---\n" + DEPLOYMENT);
    Cli.Run audit = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("audit", "--profile", profile.toString(), "-f", f.toString()));
    assertThat(audit.exit()).as(audit.err()).isZero();
    assertThat(audit.out()).contains("\"object\" : \"ConfigMap/shop/big\"").doesNotContain(value.substring(0, 1000));
    Cli.Run promote = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("promote", "--profile", profile.toString(), "-f", f.toString()));
    assertThat(promote.exit()).as(promote.err()).isZero();
    List<HasMetadata> out = ManifestReader.read("promoted", promote.out());
    ConfigMap big = out.stream().filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals("big"))
        .map(ConfigMap.class::cast).findFirst().orElseThrow();
    assertThat(big.getData().get("BIG")).as("the value is kept whole").isEqualTo(value);
  }

  /** 8 MB in one document used to take 28 s (audit) and 45 s (promote) to be refused; no object that large exists. */
  @Test
  void anEightMegabyteValueIsRefusedAtOnce() throws IOException {
    Path f = write(dir.resolve("huge.yaml"), configMap("a".repeat(8 << 20)) + "---\n" + DEPLOYMENT);
    for (String command : List.of("audit", "promote")) {
      Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(command, "--profile", profile.toString(), "-f", f.toString()));
      assertOneLine(run, f + ":5: document larger than 3 MiB, the API server's request limit");
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedWithoutReadingIt() {
    String huge = "# " + "x".repeat((int) InputLimits.MAX_FILE_BYTES) + "\n";
    Cli.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.runWithStdin(huge, "audit", "--profile", profile.toString(), "-f", "-"));
    assertOneLine(run, "<stdin>: larger than 64 MiB, the most one input may hold");
  }

  @Test
  void aBillionLaughsIsRefusedInOneLine() throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol, namespace: shop}\nlol0: &l0 [lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("lol").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ",").repeat(9)).append("*l").append(i - 1).append("]\n");
    }
    Path f = write(dir.resolve("bomb.yaml"), bomb + "---\n" + DEPLOYMENT);
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", f.toString()),
        f + ":5: YAML alias *l0 is not supported: expand aliases and merge keys first");
  }

  /** Jackson reads an alias as its anchor's name: a merge key or an aliased value would silently change. */
  @Test
  void anAliasIsRefusedNotReadAsItsName() throws IOException {
    Path f = write(dir.resolve("alias.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: big, namespace: shop}
        data:
          A: &url "postgres://db:5432/app"
          B: *url
        ---
        """ + DEPLOYMENT);
    assertOneLine(Cli.run("promote", "--profile", profile.toString(), "-f", f.toString()), "YAML alias *url is not supported");
  }

  @Test
  void anAliasInTheProfileIsRefused() throws IOException {
    Path p = write(dir.resolve("p.yaml"), "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: p, namespace: shop}\nspec: {tier: &t production, x: *t}\n");
    Path f = write(dir.resolve("app.yaml"), configMap("v") + "---\n" + DEPLOYMENT);
    assertOneLine(Cli.run("audit", "--profile", p.toString(), "-f", f.toString()), "YAML alias *t is not supported");
  }

  @Test
  void deepNestingIsRefusedInOneLine() throws IOException {
    int depth = InputLimits.MAX_NESTING + 10;
    Path f = write(dir.resolve("deep.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: shop}\nx: "
        + "[".repeat(depth) + "]".repeat(depth) + "\n---\n" + DEPLOYMENT);
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", f.toString()), "document nested deeper than 500 levels");
  }

  @Test
  void nestingUnderTheLimitIsRead() throws IOException {
    int depth = InputLimits.MAX_NESTING - 10;
    Path f = write(dir.resolve("deep.yaml"), "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: deep, namespace: shop}\nspec: "
        + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n---\n" + DEPLOYMENT.replace(", envFrom: [{configMapRef: {name: big}}]", ""));
    Cli.Run run = Cli.run("promote", "--profile", profile.toString(), "-f", f.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("kind: Thing\n");
  }

  @Test
  void aLinkOutOfTheDirectoryIsRefusedNamingWhereItLeads() throws IOException {
    Path outside = write(dir.resolve("outside/secret.yaml"), configMap("v"));
    Path manifests = write(dir.resolve("app/deploy.yaml"), DEPLOYMENT);
    Path link = Files.createSymbolicLink(manifests.resolveSibling("stolen.yaml"), outside);
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", manifests.getParent().toString()),
        link + ": symbolic link to " + outside.toRealPath() + " leads outside " + manifests.getParent());
  }

  @Test
  void aRelativeLinkClimbingOutIsRefused() throws IOException {
    write(dir.resolve("outside.yaml"), configMap("v"));
    Path manifests = write(dir.resolve("app/sub/deploy.yaml"), DEPLOYMENT);
    Files.createSymbolicLink(manifests.resolveSibling("up.yaml"), Path.of("../../outside.yaml"));
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", dir.resolve("app").toString()), "leads outside");
  }

  @Test
  void aLinkInsideTheDirectoryIsRead() throws IOException {
    Path manifests = write(dir.resolve("app/deploy.yaml"), DEPLOYMENT);
    write(dir.resolve("app/shared/cm.txt"), configMap("v"));
    Files.createSymbolicLink(manifests.resolveSibling("cm.yaml"), Path.of("shared/cm.txt"));
    Cli.Run run = Cli.run("promote", "--profile", profile.toString(), "-f", manifests.getParent().toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("name: big\n");
  }

  @Test
  void aLinkLoopDoesNotHang() throws IOException {
    Path manifests = write(dir.resolve("app/deploy.yaml"), DEPLOYMENT);
    Path loop = manifests.resolveSibling("loop.yaml");
    Files.createSymbolicLink(loop, loop.getFileName());
    Files.createSymbolicLink(manifests.resolveSibling("dirloop"), Path.of("."));
    Cli.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("audit", "--profile", profile.toString(), "-f", manifests.getParent().toString()));
    assertOneLine(run, loop + ": symbolic link under " + manifests.getParent() + " cannot be resolved");
  }

  @Test
  void aDirectoryLinkIsNotFollowed() throws IOException {
    Path manifests = write(dir.resolve("app/deploy.yaml"), DEPLOYMENT);
    Files.createSymbolicLink(manifests.resolveSibling("self"), Path.of("."));
    Files.createSymbolicLink(manifests.resolveSibling("elsewhere"), dir.resolve("outside"));
    write(dir.resolve("outside/cm.yaml"), configMap("v"));
    Cli.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("promote", "--profile", profile.toString(), "-f", manifests.getParent().toString()));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("kind: \"ConfigMap\"");
  }

  @Test
  void aDanglingLinkIsRefused() throws IOException {
    Path manifests = write(dir.resolve("app/deploy.yaml"), DEPLOYMENT);
    Path link = Files.createSymbolicLink(manifests.resolveSibling("gone.yaml"), Path.of("nowhere.yaml"));
    assertOneLine(Cli.run("audit", "--profile", profile.toString(), "-f", manifests.getParent().toString()),
        link + ": symbolic link under " + manifests.getParent() + " leads nowhere (to nowhere.yaml)");
  }

  /** A file named to -f is the user's choice, wherever a link leads. */
  @Test
  void aLinkGivenToDashFIsRead() throws IOException {
    Path real = write(dir.resolve("elsewhere/all.yaml"), configMap("v") + "---\n" + DEPLOYMENT);
    Path link = Files.createSymbolicLink(dir.resolve("all.yaml"), real);
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", link.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  private static String configMap(String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: shop}\ndata:\n  BIG: \""
        + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
  }

  private static void assertOneLine(Cli.Run run, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  private static Path write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }
}
