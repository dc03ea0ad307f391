package dev.envprofile.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.operator.ChartRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The chart's RBAC rules are the kind registry's: `make chart-rules` regenerates them. */
class ChartRulesUpToDateTest {
  @Test
  void committedRulesAreTheRegistrys() throws IOException {
    Path file = root().resolve(ChartRules.FILE);
    if ("true".equals(System.getenv("ENVPROFILE_UPDATE_GOLDENS"))) {
      Files.writeString(file, ChartRules.render(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s differs from the kind registry: run `make chart-rules` and review the diff", ChartRules.FILE)
        .isEqualTo(ChartRules.render());
  }

  @Test
  void everyWrittenKindMayBePatchedAndEveryGeneratedKindCreatedAndDeleted() {
    String rules = ChartRules.render();
    for (var k : dev.envprofile.engine.model.Kinds.ALL_KINDS) {
      assertThat(rules).contains("\"" + k.plural() + "\"");
      if (k.userPhase() != null || k.generated()) {
        assertThat(k.verbs()).as(k.name()).contains("patch");
      }
      if (k.generated()) {
        assertThat(k.verbs()).as(k.name()).contains("create", "delete");
      } else {
        assertThat(k.verbs()).as(k.name() + " is never generated: never created or deleted").doesNotContain("create", "delete");
      }
    }
  }

  @Test
  void theReaderRoleReadsEveryKindTheOperatorReadsAndNeverWrites() {
    String reader = ChartRules.readerRules();
    for (var k : dev.envprofile.engine.model.Kinds.ALL_KINDS) {
      assertThat(reader).as(k.name()).contains("\"" + k.plural() + "\"");
    }
    assertThat(reader).contains("\"environmentprofiles\"");
    java.util.Set<String> verbs = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("verbs: \\[([^\\]]*)\\]").matcher(reader);
    while (m.find()) {
      for (String v : m.group(1).split(",")) {
        verbs.add(v.strip().replace("\"", ""));
      }
    }
    assertThat(verbs).containsExactlyInAnyOrder("get", "list");
    assertThat(ChartRules.render()).contains(reader);
  }

  private static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("helm"))) {
      p = p.getParent();
    }
    return p;
  }
}
