package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: what a newcomer reads on stderr. One line, one style ("envprofile: FILE:LINE: message"),
 * the closest name for a typo, the cause of a YAML error without the parser's internals.
 */
class CliMessagesTest {
  @TempDir
  Path dir;

  private Path profile;
  private Path manifests;

  @BeforeEach
  void files() throws IOException {
    profile = write("profile.yaml", """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec:
          tier: production
        """);
    manifests = write("app.yaml", """
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
  void failUnderSaysWhyOnStderr() {
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-under", "100");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err().strip()).matches("envprofile: parity \\d{1,2}% is under --fail-under 100");
    assertThat(run.out()).contains("\"parity\"");
    Cli.Run pass = Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-under", "0");
    assertThat(pass.exit()).isZero();
    assertThat(pass.err()).isEmpty();
  }

  @Test
  void unknownOptionIsNamedWithTheClosestOneEvenWhenRequiredOptionsAreMissing() {
    assertUsage(Cli.run("audit", "--fail-undr", "90"),
        "envprofile: unknown option --fail-undr (did you mean --fail-under?) (see envprofile audit --help)");
    assertUsage(Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-undr=90"),
        "envprofile: unknown option --fail-undr (did you mean --fail-under?)");
    assertUsage(Cli.run("promote", "--profle", profile.toString(), "-f", manifests.toString()),
        "envprofile: unknown option --profle (did you mean --profile?)");
  }

  @Test
  void aValueOutsideAnOptionsChoicesSuggestsTheClosest() {
    assertUsage(Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "-o", "tabel"),
        "but was 'tabel' (did you mean table?) (see envprofile audit --help)");
  }

  @Test
  void unknownOptionFarFromAnyIsUnknownWithoutASuggestion() {
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--xyzzy");
    assertUsage(run, "envprofile: unknown option --xyzzy (see envprofile audit --help)");
    assertThat(run.err()).doesNotContain("did you mean").doesNotContain("Missing");
  }

  @Test
  void unknownCommandIsNamedWithTheClosestOne() {
    assertUsage(Cli.run("audti"), "envprofile: unknown command 'audti' (did you mean audit?) (see envprofile --help)");
    assertUsage(Cli.run("promot", "--profile", "x"), "envprofile: unknown command 'promot' (did you mean promote?)");
    assertUsage(Cli.run("deploy"), "envprofile: unknown command 'deploy' (see envprofile --help)");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Run run = Cli.run();
    assertUsage(run, "envprofile: no command given: promote, audit, run, completion (see envprofile --help)");
    assertThat(run.out()).isEmpty();
    Cli.Run help = Cli.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: envprofile");
  }

  @Test
  void aControlCharacterInAnArgumentKeepsTheMessageOneLine() {
    assertUsage(Cli.run("audit", "--fail-under", "1\n2"), "envprofile: ");
  }

  @Test
  void unknownProfileFieldSuggestsTheClosest() throws IOException {
    Path p = write("p.yaml", Files.readString(profile) + "  secret:\n    provider: Secret\n");
    assertBadInput(Cli.run("audit", "--profile", p.toString(), "-f", manifests.toString()),
        "envprofile: " + p + ":6: spec.secret: unknown field 'secret' (did you mean 'secrets'?)");
    Path nested = write("nested.yaml", Files.readString(profile) + "  workloads:\n    env: {A: b}\n    minReplica: 2\n");
    assertBadInput(Cli.run("audit", "--profile", nested.toString(), "-f", manifests.toString()),
        "envprofile: " + nested + ":8: spec.workloads.minReplica: unknown field 'minReplica' (did you mean 'minReplicas'?)");
    Path far = write("far.yaml", Files.readString(profile) + "  colour: blue\n");
    Cli.Run run = Cli.run("audit", "--profile", far.toString(), "-f", manifests.toString());
    assertBadInput(run, "unknown field 'colour'");
    assertThat(run.err()).doesNotContain("did you mean");
  }

  @Test
  void aTabInTheIndentationIsNamed() throws IOException {
    Path bad = write("tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n");
    assertBadInput(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()),
        "envprofile: " + bad + ":4: malformed YAML: a tab character where YAML needs spaces (indent with spaces only)");
  }

  @Test
  void anUnterminatedQuoteIsNamedAtTheLineItOpens() throws IOException {
    Path bad = write("quote.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x\ndata: {}\n");
    assertBadInput(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()),
        "envprofile: " + bad + ":4: malformed YAML: quoted string never closed");
  }

  @Test
  void aBadIndentationIsNamedWithoutParserTokens() throws IOException {
    Path bad = write("indent.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n");
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString());
    assertBadInput(run, "envprofile: " + bad + ":5: malformed YAML: this line's indentation matches no enclosing map or list");
    assertThat(run.err()).doesNotContain("<block");
  }

  @Test
  void aControlCharacterInYamlIsNamedWithItsLine() throws IOException {
    Path bad = write("ctl.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \u0001\n");
    assertBadInput(Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString()),
        "envprofile: " + bad + ":6: character U+0001 is not allowed in YAML");
  }

  @Test
  void duplicateKeyInAManifestIsAnError() throws IOException {
    Path bad = write("dup.yaml", Files.readString(manifests) + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: c\n  namespace: shop\ndata:\n  A: one\n  A: two\n");
    assertBadInput(Cli.run("promote", "--profile", profile.toString(), "-f", bad.toString()),
        "envprofile: " + bad + ":18: duplicate key 'A' (the API server would silently keep the last)");
  }

  @Test
  void duplicateKeyInAProfileIsAnError() throws IOException {
    Path p = write("p.yaml", Files.readString(profile) + "  tier: staging\n");
    assertBadInput(Cli.run("audit", "--profile", p.toString(), "-f", manifests.toString()),
        "envprofile: " + p + ":6: duplicate key 'tier'");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFieldNotAJavaClass() throws IOException {
    Path bad = write("type.yaml", Files.readString(manifests).replace("spec:\n  selector", "spec:\n  replicas: many\n  selector"));
    Cli.Run run = Cli.run("audit", "--profile", profile.toString(), "-f", bad.toString());
    assertBadInput(run, "envprofile: " + bad + ":1: Deployment/web: spec.replicas: expected an integer, found \"many\"");
    assertThat(run.err()).doesNotContain("java.");
  }

  @Test
  void everyBadInputLineHasTheOnePrefix() throws IOException {
    assertBadInput(Cli.run("audit", "--profile", profile.toString(), "-f", dir.resolve("nope.yaml").toString()),
        "envprofile: " + dir.resolve("nope.yaml") + ": no such file or directory");
    assertBadInput(Cli.run("audit", "--profile", profile.toString(), "-f", manifests.toString(), "--fail-under", "101"),
        "envprofile: --fail-under: must be between 0 and 100, got 101");
  }

  @Test
  void suggestionsAreBoundedAndOnlyForCloseNames() {
    assertThat(Suggestions.closest("audti", java.util.List.of("promote", "audit", "run"))).contains("audit");
    assertThat(Suggestions.closest("secret", java.util.List.of("secrets", "selector"))).contains("secrets");
    assertThat(Suggestions.closest("-x", java.util.List.of("-f", "-o"))).isEmpty();
    assertThat(Suggestions.closest("zzzzzz", java.util.List.of("audit"))).isEmpty();
    assertThat(Suggestions.closest("a".repeat(100_000), java.util.List.of("a".repeat(64)))).isEmpty();
  }

  /** Command lines with typos, dropped or doubled words: a run, or exit 2 with one line in the CLI's style. */
  @net.jqwik.api.Property(tries = 300)
  void mangledCommandLinesGetARunOrOneUsageLine(@net.jqwik.api.ForAll long seed) throws IOException {
    java.util.Random r = new java.util.Random(seed);
    Path d = Files.createTempDirectory("clim");
    try {
      Path p = Files.writeString(d.resolve("p.yaml"), "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
          + "metadata: {name: p, namespace: shop}\nspec: {tier: staging}\n");
      Path m = Files.writeString(d.resolve("m.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w, namespace: shop}\n"
          + "spec: {template: {spec: {containers: [{name: w, image: \"x/w:1\"}]}}}\n");
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(r.nextBoolean() ? "audit" : "promote",
          "--profile", p.toString(), "-f", m.toString(), "--fail-under", "50", "-o", "table", "--diff"));
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        int at = r.nextInt(args.size());
        switch (r.nextInt(4)) {
          case 0 -> args.remove(at);
          case 1 -> args.add(at, args.get(r.nextInt(args.size())));
          case 2 -> {
            String w = args.get(at);
            if (w.length() > 2) {
              int c = 1 + r.nextInt(w.length() - 2);
              args.set(at, w.substring(0, c) + w.charAt(c + 1) + w.charAt(c) + w.substring(c + 2));
            }
          }
          default -> args.set(at, args.get(at) + (char) (r.nextInt(95) + 32));
        }
      }
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertThat(run.exit()).as("%s: %s", args, run.err()).isIn(0, 2, 3);
      assertThat(run.err()).as("%s", args).doesNotContain("Exception").doesNotContain("\tat ");
      if (run.exit() == 2) {
        assertThat(run.err().strip().lines()).as("%s: %s", args, run.err()).hasSize(1);
        assertThat(run.err()).as("%s", args).startsWith("envprofile: ");
      }
    } finally {
      try (var files = Files.list(d)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(d);
    }
  }

  private static void assertUsage(Cli.Run run, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith(expected.startsWith("envprofile: ") ? "envprofile: " : "").contains(expected);
  }

  private static void assertBadInput(Cli.Run run, String expected) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("envprofile: ").contains(expected)
        .doesNotContain("Exception").doesNotContain("'reader'").doesNotContain("^").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void theNoteAboutMovedSecretsStaysShortForThousands() {
    java.util.List<String> many = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "Secret/app-" + i + "-secret").toList();
    String note = PromoteCommand.secretsNote(many);
    assertThat(note).startsWith("note: credential values moved into 5000 Secrets (Secret/app-0-secret, Secret/app-1-secret, "
        + "Secret/app-2-secret and 4997 more: the kind: Secret documents) are in this output").hasSizeLessThan(250);
    assertThat(PromoteCommand.secretsNote(many.subList(0, 2)))
        .startsWith("note: credential values moved into Secret/app-0-secret, Secret/app-1-secret are in this output");
  }
}
