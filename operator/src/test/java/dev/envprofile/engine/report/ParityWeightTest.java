package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.Severity;
import dev.envprofile.testing.TestManifests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Low-weight checks count a quarter of the others in parity; pairs are still counted one by one. */
class ParityWeightTest {
  private static final CheckInfo NORMAL = CheckInfo.of("workload.resources", Severity.WARNING, Fix.YES, "", "", "");
  private static final CheckInfo LOW = CheckInfo.low("security.host-ids", Severity.WARNING, Fix.NO, "", "", "");
  private static final CheckInfo INFO = CheckInfo.of("storage.backup", Severity.INFO, Fix.NO, "", "", "");
  private static final ObjectRef A = new ObjectRef("Deployment", "shop", "a");

  private static Report build(CheckResult... results) {
    return ReportBuilder.build(TestManifests.settings("tier: production"), List.of(results), new Redactor(List.of(), java.util.Set.of()));
  }

  @Test
  void aLowWeightFailureCostsAQuarterOfANormalOne() {
    // normal: pass, pass, fail (weight 4 each); low: fail (weight 1) -> 8 of 13 = 61%, not 2 of 4 = 50%
    Report r = build(CheckResult.pass(NORMAL, A), CheckResult.pass(NORMAL, new ObjectRef("Deployment", "shop", "b")),
        CheckResult.fail(NORMAL, new ObjectRef("Deployment", "shop", "c"), true, "x"), CheckResult.fail(LOW, A, false, "y"),
        CheckResult.fail(INFO, A, false, "z"));
    assertThat(r.parity()).isEqualTo(61);
    assertThat(r.passed()).isEqualTo(2);
    assertThat(r.failed()).as("pairs, not weights; info not counted").isEqualTo(2);
  }

  @Test
  void withOnlyNormalChecksParityIsTheShareOfPairs() {
    Report r = build(CheckResult.pass(NORMAL, A), CheckResult.fail(NORMAL, new ObjectRef("Deployment", "shop", "b"), true, "x"),
        CheckResult.pass(NORMAL, new ObjectRef("Deployment", "shop", "c")));
    assertThat(r.parity()).isEqualTo(66);
  }

  @Test
  void infoChecksCannotBeLowWeight() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckInfo.low("x.y", Severity.INFO, Fix.NO, "", "", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
