package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 18: long runs show one updating line on a terminal's stderr, cleared at the end; pipes see nothing. */
class ProgressTest {
  @Test
  void aLongRunShowsOneUpdatingLineAndClearsIt() throws InterruptedException {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), 40, 0, 10)) {
      p.phase("writing objects", 3);
      p.step();
      Thread.sleep(200);
    }
    String s = err.toString();
    assertThat(s).startsWith("\renvprofile: writing objects 1/3... ").doesNotContain("\n").doesNotContain("\u001b");
    // Cleared: the last thing written blanks the line and returns to its start.
    assertThat(s).endsWith("\r");
    String last = s.substring(s.lastIndexOf('\r', s.length() - 2) + 1, s.length() - 1);
    assertThat(last).isBlank();
    // Never wider than the terminal: a wrapped line could not be rewritten.
    for (String shown : s.split("\r")) {
      assertThat(shown.length()).isLessThan(40);
    }
  }

  @Test
  void aShortRunShowsNothing() {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.start(new PrintWriter(err), 80, 60_000, 10)) {
      p.phase("promoting 3 objects");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void notATerminalShowsNothingEvenForLongRuns() throws InterruptedException {
    StringWriter err = new StringWriter();
    try (Progress p = Progress.on(new Terminal(true, false, 80, false), new PrintWriter(err))) {
      p.phase("promoting 3 objects");
      Thread.sleep(50);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void promoteOnATerminalLeavesNoProgressTextBehind() {
    String profile = dev.envprofile.testing.Samples.ROOT.resolve("shop/profiles/production-externalsecret.yaml").toString();
    String manifests = dev.envprofile.testing.Samples.ROOT.resolve("shop/manifests").toString();
    Cli.Run run = Cli.runOn(new Terminal(true, true, 80, false), "promote", "--profile", profile, "-f", manifests);
    assertThat(run.exit()).isZero();
    // No progress on a fast run; on a slow one (a loaded machine) progress, cleared before the notes.
    String err = run.err();
    int cleared = err.lastIndexOf('\r');
    assertThat(err.substring(0, cleared + 1)).doesNotContain("\n");
    assertThat(err.substring(cleared + 1).lines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("envprofile: note: "));
    assertThat(run.out()).startsWith("---\napiVersion: v1\n");
  }
}
