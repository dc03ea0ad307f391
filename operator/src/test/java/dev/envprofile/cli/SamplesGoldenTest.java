package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Goldens;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample namespace x each profile, through the CLI: the promoted manifests and the audit
 * report must equal the golden files. `make goldens` rewrites them (review the diff).
 */
class SamplesGoldenTest {

  static Stream<Samples.Case> cases() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void promoteMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("promote", "--profile", rel(c.profileFile()), "-f", rel(c.manifests()));
    assertThat(run.exit()).as(run.err()).isZero();
    Goldens.compare(c.golden(".promoted.yaml"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void auditMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", rel(c.profileFile()), "-f", rel(c.manifests()), "-o", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    Goldens.compare(c.golden(".audit.json"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void promotedAuditMatchesGolden(Samples.Case c) throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", rel(c.profileFile()), "-f", rel(c.golden(".promoted.yaml")), "-o", "table");
    assertThat(run.exit()).as(run.err()).isZero();
    Goldens.compare(c.golden(".promoted-audit.txt"), run.out());
  }

  /** Paths relative to the repository root, so that golden reports name files the same everywhere. */
  private static String rel(Path p) {
    return Path.of("").toAbsolutePath().relativize(p).toString();
  }

}
