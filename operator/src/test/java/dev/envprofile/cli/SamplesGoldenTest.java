package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample namespace x each profile, through the CLI: the promoted manifests and the audit
 * report must equal the golden files. `make goldens` rewrites them (review the diff).
 */
class SamplesGoldenTest {
  private static final boolean UPDATE = "true".equals(System.getenv("ENVPROFILE_UPDATE_GOLDENS"));

  static Stream<Samples.Case> cases() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void promoteMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("promote", "--profile", rel(c.profileFile()), "-f", rel(c.manifests()));
    assertThat(run.exit()).as(run.err()).isZero();
    compare(c.golden(".promoted.yaml"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void auditMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", rel(c.profileFile()), "-f", rel(c.manifests()), "-o", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    compare(c.golden(".audit.json"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void promotedAuditMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", rel(c.profileFile()), "-f", rel(c.golden(".promoted.yaml")), "-o", "table");
    assertThat(run.exit()).as(run.err()).isZero();
    compare(c.golden(".promoted-audit.txt"), run.out());
  }

  /** Paths relative to the repository root, so that golden reports name files the same everywhere. */
  private static String rel(Path p) {
    return Path.of("").toAbsolutePath().relativize(p).toString();
  }

  private static void compare(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden file missing: run `make goldens`").exists();
    assertThat(actual).as("output differs from %s (run `make goldens` and review the diff)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
