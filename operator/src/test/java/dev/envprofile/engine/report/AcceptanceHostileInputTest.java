package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.InvalidProfileException;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.TestManifests;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A tenant writes the annotations and the profile: every list and text is bounded, every match linear. */
class AcceptanceHostileInputTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  @Test
  void anOversizedAcceptAnnotationIsIgnoredWithANote() {
    String ids = "security.host-ids," + "x".repeat(100_000);
    Report r = Engine.audit(TestManifests.parse(AcceptanceTest.deployment("api", "envprofile.dev/accept: \"" + ids + "\"", "")),
        AcceptanceTest.settings("tier: production", TODAY)).report();
    assertThat(r.acceptedFindings()).isEmpty();
    assertThat(r.notes()).containsExactly("Deployment/api: envprofile.dev/accept is longer than 2048 characters: ignored");
  }

  @Test
  void aHugeReasonIsCutAndKeptOnOneLine() {
    String reason = "line one\\nline two \\u001b[31mred " + "y".repeat(100_000);
    Report r = Engine.audit(TestManifests.parse(AcceptanceTest.deployment("api",
            "envprofile.dev/accept: security.host-ids, envprofile.dev/accept-reason: \"" + reason + "\"", "")),
        AcceptanceTest.settings("tier: production", TODAY)).report();
    String shown = r.acceptedFindings().get(0).acceptance().reason();
    assertThat(shown).hasSize(Acceptances.MAX_REASON + 3).endsWith("...").startsWith("line one line two  [31mred");
    assertThat(shown).doesNotContain("\n", "\u001b");
  }

  @Test
  void notesAreCapped() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append(AcceptanceTest.deployment("d" + i, "envprofile.dev/accept: nope." + i, ""));
    }
    Report r = Engine.audit(TestManifests.parse(many.toString()), AcceptanceTest.settings("tier: production", TODAY)).report();
    assertThat(r.notes()).hasSize(Acceptances.MAX_NOTES + 1).last().isEqualTo("and 150 more objects whose envprofile.dev/accept was ignored");
  }

  @Test
  void tooManyProfileEntriesAreRefusedEvenWithoutTheCrd() {
    String entry = "- {check: security.host-ids, objects: [Deployment/api], reason: r}\n";
    assertThatThrownBy(() -> AcceptanceTest.settings("tier: production\nacceptedFindings:\n" + entry.repeat(101), TODAY))
        .isInstanceOf(InvalidProfileException.class).hasMessageContaining("spec.acceptedFindings: at most 100 entries, got 101");
    String objects = "[" + "Deployment/a, ".repeat(20) + "Deployment/b]";
    assertThatThrownBy(() -> AcceptanceTest.settings("tier: production\nacceptedFindings:\n- {check: security.host-ids, reason: r, objects: "
        + objects + "}", TODAY)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("spec.acceptedFindings[0].objects: at most 20 patterns, got 21");
    assertThatThrownBy(() -> AcceptanceTest.settings("tier: production\nacceptedFindings:\n- {check: security.host-ids, reason: "
        + "r".repeat(513) + ", objects: [D/a]}", TODAY)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("spec.acceptedFindings[0].reason: at most 512 characters, got 513");
  }

  /**
   * The most a profile may hold (100 entries of 20 patterns of 317 characters, all on one check),
   * each pattern built to make a naive matcher quadratic, against 300 objects with 252-character names:
   * linear matching keeps it well inside the engine's deadline (about 5 s on a laptop core against
   * 1 s without the profile: 600,000 matches of about 460 steps each).
   */
  @Test
  void theLargestProfileMatchesQuickly() {
    StringBuilder spec = new StringBuilder("tier: production\nacceptedFindings:\n");
    for (int i = 0; i < 100; i++) {
      spec.append("- check: security.host-ids\n  reason: r\n  objects: [");
      for (int j = 0; j < 20; j++) {
        // A middle run that almost matches everywhere: a naive search rescans it at every position.
        String p = "Deployment/*" + "a".repeat(200 + j) + "b*" + "c";
        spec.append(j == 0 ? "" : ", ").append(p);
      }
      spec.append("]\n");
    }
    Settings s = AcceptanceTest.settings(spec.toString(), TODAY);
    StringBuilder objects = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      objects.append(AcceptanceTest.deployment("a".repeat(247) + String.format("%04d", i) + "c", "", ""));
    }
    var parsed = TestManifests.parse(objects.toString());
    Report r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Engine.audit(parsed, s).report());
    assertThat(r.results()).filteredOn(x -> x.check().id().equals("security.host-ids")).hasSize(300)
        .noneMatch(CheckResult::accepted);
  }
}
