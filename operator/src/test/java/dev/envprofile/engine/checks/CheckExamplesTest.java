package dev.envprofile.engine.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.Tier;
import dev.envprofile.cli.docs.CheckExample;
import dev.envprofile.cli.docs.ExampleMarkdown;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One example per catalog id (operator/src/test/resources/checks/&lt;id&gt;/, format in its
 * README.md): the check fails on failing.yaml for exactly the subjects expected.yaml names, with
 * the catalog's severity and the expected fixable flag; passes on passing.yaml; and where it says
 * fixable, the promotion of failing.yaml passes it.
 */
class CheckExamplesTest {
  private static final Path ROOT = Path.of("..");

  @TestFactory
  Stream<DynamicNode> everyCatalogIdHasAnExampleThatFailsAndPasses() {
    Map<String, Path> examples = CheckExample.directories(ROOT);
    List<DynamicNode> nodes = new ArrayList<>();
    Set<String> ids = Catalog.infos().stream().map(CheckInfo::id).collect(Collectors.toCollection(TreeSet::new));
    nodes.add(DynamicTest.dynamicTest("every id has an example directory", () ->
        assertThat(new TreeSet<>(examples.keySet())).as("ids without " + CheckExample.DIR + "/<id>/")
            .containsAll(ids)));
    nodes.add(DynamicTest.dynamicTest("every example directory names a catalog id", () ->
        assertThat(ids).as("directories of " + CheckExample.DIR + " that name no catalog id")
            .containsAll(examples.keySet())));
    for (CheckInfo info : Catalog.infos()) {
      Path dir = examples.get(info.id());
      if (dir == null) {
        continue;
      }
      CheckExample ex;
      try {
        ex = CheckExample.load(dir);
      } catch (RuntimeException e) {
        nodes.add(DynamicTest.dynamicTest(info.id() + " loads", () -> {
          throw new AssertionError(info.id() + ": " + e.getMessage(), e);
        }));
        continue;
      }
      nodes.add(DynamicContainer.dynamicContainer(info.id(), tests(info, ex)));
    }
    return nodes.stream();
  }

  private static Stream<DynamicNode> tests(CheckInfo info, CheckExample ex) {
    CheckExample.Expected exp = ex.expected();
    List<DynamicNode> t = new ArrayList<>();
    t.add(DynamicTest.dynamicTest("expected.yaml agrees with the catalog", () -> {
      assertThat(exp.failing()).as(info.id() + ": failing names at least one subject").isNotEmpty();
      if (info.fix() == Fix.NO || exp.promote()) {
        assertThat(exp.fixable()).as(info.id() + ": the catalog says Enforce does not fix it").isFalse();
      }
      if (info.fix() == Fix.YES) {
        assertThat(exp.fixable()).as(info.id() + ": the catalog says Enforce fixes it").isTrue();
      }
    }));
    t.add(DynamicTest.dynamicTest("fails on failing.yaml", () -> {
      List<CheckResult> rs = results(ex.judge(ex.failingObjects(), Tier.PRODUCTION), info);
      List<CheckResult> failed = rs.stream().filter(r -> !r.passed()).toList();
      assertThat(subjects(failed)).as(info.id() + ": failing subjects").isEqualTo(new TreeSet<>(exp.failing()));
      for (CheckResult r : failed) {
        assertThat(r.check()).as(info.id() + ": the result carries the catalog's entry (severity " + info.severity() + ")").isEqualTo(info);
        assertThat(r.fixable()).as(info.id() + ": " + r.object() + " fixable").isEqualTo(exp.fixable());
        assertThat(r.message()).as(info.id() + ": " + r.object() + " message").isNotBlank();
      }
    }));
    t.add(DynamicTest.dynamicTest("passes on passing.yaml", () -> {
      List<CheckResult> rs = results(ex.judge(ex.passingObjects(), Tier.PRODUCTION), info);
      assertThat(subjects(rs.stream().filter(r -> !r.passed()).toList())).as(info.id() + ": failing subjects").isEmpty();
      assertThat(subjects(rs.stream().filter(CheckResult::passed).toList()))
          .as(info.id() + ": subjects with a passing result (not merely not applicable)").containsAll(exp.passing());
    }));
    if (!exp.promote()) {
      t.add(DynamicTest.dynamicTest(exp.fixable() ? "promoting failing.yaml fixes it" : "promoting failing.yaml leaves it failing",
          () -> {
            Result promoted = Engine.promote(ex.failingObjects(), ex.settings(Tier.PRODUCTION));
            List<CheckResult> rs = results(Engine.audit(promoted.objects(), ex.settings(Tier.PRODUCTION)), info);
            Set<String> failing = subjects(rs.stream().filter(r -> !r.passed()).toList());
            if (exp.fixable()) {
              assertThat(failing).as(info.id() + ": still failing after promotion").isEmpty();
              if (!exp.passing().isEmpty()) {
                assertThat(rs).as(info.id() + ": a passing result after promotion").anyMatch(CheckResult::passed);
              }
              assertThat(ExampleMarkdown.enforceChanges(ex)).as(info.id() + ": docs/checks.md shows what Enforce changes")
                  .isNotEmpty();
            } else {
              assertThat(failing).as(info.id() + ": not fixable: the promotion must not hide it").containsAll(exp.failing());
            }
          }));
    }
    exp.tiers().forEach((tier, passes) -> t.add(DynamicTest.dynamicTest(
        "promoted at " + tier.wireName() + ", it " + (passes ? "passes" : "still fails") + " production", () -> {
          Result promoted = Engine.promote(ex.failingObjects(), ex.settings(tier));
          List<CheckResult> rs = results(Engine.audit(promoted.objects(), ex.settings(Tier.PRODUCTION)), info);
          Set<String> failing = subjects(rs.stream().filter(r -> !r.passed()).toList());
          if (passes) {
            assertThat(failing).as(info.id() + ": failing after promotion at " + tier.wireName()).isEmpty();
          } else {
            assertThat(failing).as(info.id() + ": failing after promotion at " + tier.wireName()).containsAll(exp.failing());
          }
        })));
    return t.stream();
  }

  private static List<CheckResult> results(Result r, CheckInfo info) {
    return r.report().results().stream().filter(x -> x.check().id().equals(info.id())).toList();
  }

  private static Set<String> subjects(List<CheckResult> rs) {
    return rs.stream().map(r -> r.object().shortName()).collect(Collectors.toCollection(TreeSet::new));
  }
}
