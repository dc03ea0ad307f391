package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Mutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The CLI on mutated manifests and profiles (10,000 runs): lines dropped, duplicated, swapped or
 * re-indented, characters replaced by YAML syntax, documents truncated, scalars replaced by
 * huge, unicode or mistyped values. Whatever the input, the CLI answers with exit 0 (or 3 under
 * the parity gate) and a report, or exit 2 and one line on stderr; never a stack trace, never
 * exit 1. Hostile inputs (megabyte values, deep nesting, alias bombs, oversized documents) get the
 * same answer within a hang guard. A failing input found here belongs in {@code CliBadInputTest}
 * (or {@code CliHostileInputTest}) as a regression case.
 */
class CliFuzzTest {
  /** Generous for a busy 2-core machine: the worst hostile input takes about 1 s (docs/reliability.md). */
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static List<String> manifests;
  private static String profile;
  private static Path dir;

  @BeforeContainer
  static void load() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    manifests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
      for (Path f : files.filter(p -> p.toString().contains("manifests") && p.toString().endsWith(".yaml")).sorted().toList()) {
        manifests.add(Files.readString(f));
      }
    }
    profile = Files.readString(root.resolve("samples/shop/profiles/production-secret.yaml"));
    dir = Files.createTempDirectory("envprofile-fuzz");
  }

  @AfterContainer
  static void clean() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 6000)
  void mutatedManifestsGetAReportOrOneLine(@ForAll long seed) {
    Random r = new Random(seed);
    String input = Mutations.mutate(manifests.get(r.nextInt(manifests.size())), r, 1 + r.nextInt(4));
    String format = List.of("json", "table", "sarif", "junit").get(r.nextInt(4));
    Cli.Run audit = Cli.runWithStdin(input, "audit", "--profile", write("profile.yaml", profile), "-f", "-", "-o", format);
    assertWellBehaved(audit, input);
    if (audit.exit() == 0) {
      Cli.Run promote = Cli.runWithStdin(input, "promote", "--profile", write("profile.yaml", profile), "-f", "-");
      assertWellBehaved(promote, input);
      assertThat(promote.exit()).as("promote of what audit accepted: %s", promote.err()).isZero();
    }
  }

  @Property(tries = 4000)
  void mutatedProfilesAreUsedOrRefusedInOneLine(@ForAll long seed) {
    Random r = new Random(seed);
    String p = Mutations.mutate(profile, r, 1 + r.nextInt(3));
    String input = manifests.get(r.nextInt(manifests.size()));
    Cli.Run run = Cli.runWithStdin(input, r.nextBoolean() ? "audit" : "promote", "--profile", write("p.yaml", p), "-f", "-");
    assertWellBehaved(run, p);
  }

  /**
   * Hostile shapes ({@link Mutations#hostile}): megabyte values of pathological text in env, args,
   * ConfigMaps and keys, nesting around the limit, alias bombs, oversized documents. Each run is
   * bounded by a hang guard; symlinks are CliHostileInputTest's.
   */
  @Property(tries = 60)
  void hostileManifestsGetAReportOrOneLineInSeconds(@ForAll long seed) {
    Random r = new Random(seed);
    String input = Mutations.hostile(manifests.get(r.nextInt(manifests.size())), r);
    String command = r.nextBoolean() ? "audit" : "promote";
    Cli.Run run = assertTimeoutPreemptively(HANG_GUARD,
        () -> Cli.runWithStdin(input, command, "--profile", write("profile.yaml", profile), "-f", "-"));
    assertWellBehaved(run, input);
  }

  @Property(tries = 30)
  void hostileProfilesAreUsedOrRefusedInOneLineInSeconds(@ForAll long seed) {
    Random r = new Random(seed);
    String p = Mutations.hostile(profile, r);
    String input = manifests.get(r.nextInt(manifests.size()));
    Cli.Run run = assertTimeoutPreemptively(HANG_GUARD,
        () -> Cli.runWithStdin(input, r.nextBoolean() ? "audit" : "promote", "--profile", write("p.yaml", p), "-f", "-"));
    assertWellBehaved(run, p);
  }

  private static void assertWellBehaved(Cli.Run run, String input) {
    String context = "input:\n" + (input.length() > 2000 ? input.substring(0, 2000) + "..." : input) + "\nstderr:\n"
        + (run.err().length() > 2000 ? run.err().substring(0, 2000) : run.err());
    assertThat(run.exit()).as(context).isIn(0, 2, 3);
    assertThat(run.err()).as(context).doesNotContain("Exception").doesNotContain("\tat ");
    if (run.exit() == 2) {
      assertThat(run.err().strip().lines().count()).as(context).isEqualTo(1);
      assertThat(run.out()).as(context).isEmpty();
    } else {
      assertThat(run.out()).as(context).isNotEmpty();
    }
  }

  private static String write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // a cut surrogate pair becomes ?, not an exception
      return p.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
