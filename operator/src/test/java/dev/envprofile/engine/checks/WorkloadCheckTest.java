package dev.envprofile.engine.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import dev.envprofile.testing.TestManifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base of per-workload checks: one result per selected workload it applies to, in manifest order, not by name. */
class WorkloadCheckTest {
  private static final CheckInfo INFO = CheckInfo.of("test.workload-check", Severity.WARNING, Fix.PARTIAL, "when", "enforce", "example");

  private static String deployment(String name, String labels) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, labels: {%s}}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec: {containers: [{name: c, image: registry.example.com/x:1.0}]}
        ---
        """.formatted(name, labels, name, name);
  }

  /** Passes "pass", fails "fail" (fixable), says nothing about the rest. */
  private static final class ByName extends WorkloadCheck {
    ByName() {
      super(INFO);
    }

    @Override
    protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
      return switch (w.name()) {
        case "pass" -> pass();
        case "fail" -> fail(true, w + " fails");
        default -> notApplicable();
      };
    }
  }

  @Test
  void turnsVerdictsIntoResultsOfSelectedWorkloadsInOrder() {
    Settings settings = TestManifests.settings("tier: production\nselector: {matchLabels: {team: a}}");
    Inventory inv = Inventory.of(settings.namespace(), TestManifests.parse(deployment("pass", "team: a")
        + deployment("skipped", "team: a") + deployment("other", "team: b") + deployment("fail", "team: a")),
        settings.selector());
    List<CheckResult> out = new ArrayList<>();
    ByName check = new ByName();

    check.evaluate(inv, new Facts(inv, settings), settings, out);

    assertThat(check.info()).isSameAs(INFO);
    assertThat(out).extracting(r -> r.object().name(), CheckResult::passed, CheckResult::fixable, CheckResult::message)
        .containsExactly(
            tuple("pass", true, false, ""),
            tuple("fail", false, true, "Deployment/fail fails"));
    assertThat(out).allSatisfy(r -> {
      assertThat(r.check()).isSameAs(INFO);
      assertThat(r.object().kind()).isEqualTo("Deployment");
      assertThat(r.object().namespace()).isEqualTo(TestManifests.NS);
    });
  }
}
