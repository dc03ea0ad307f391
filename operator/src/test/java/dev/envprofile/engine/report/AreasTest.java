package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.Tier;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AreasTest {
  private static final ObjectRef API = new ObjectRef("Deployment", "shop", "api");

  private static CheckInfo info(String id) {
    return Catalog.infos().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyCheckIdBelongsToOneAreaAndTheConditionsKeepTheirChecks() {
    assertThat(Areas.of("storage.ephemeral-data")).isEqualTo("storage");
    assertThat(Areas.of("security.secrets-in-env")).isEqualTo("secrets");
    assertThat(Areas.of("security.network-policy")).isEqualTo("network");
    assertThat(Areas.of("security.tls")).isEqualTo("TLS");
    assertThat(Areas.of("workload.replicas")).isEqualTo("workloads");
    assertThat(Areas.of("images.pull-policy")).isEqualTo("workloads");
    assertThat(Areas.of("images.registry")).isEqualTo(Areas.OTHER);
    assertThat(Areas.ORDER).allMatch(Areas.BY_CONDITION::containsKey).hasSize(Areas.BY_CONDITION.size());
  }

  @Test
  void anAreasParityIsTheReportsFormulaOnItsChecksAlone() {
    // storage: one pass, one fail of weight 4 -> 50%; workloads: a low-weight fail (1) and a pass (4) -> 80%.
    List<CheckResult> results = List.of(
        CheckResult.pass(info("storage.ephemeral-data"), API),
        CheckResult.fail(info("storage.ephemeral-data"), new ObjectRef("Deployment", "shop", "db"), true, "m"),
        CheckResult.pass(info("workload.replicas"), API),
        CheckResult.fail(info("workload.probe-distinct"), API, false, "m"),
        CheckResult.fail(info("storage.backup"), API, false, "info: not counted"));
    Report report = new Report(Tier.PRODUCTION, 0, 95, 2, 2, results, Map.of(), 0, List.of());
    assertThat(Areas.scores(report)).containsExactly(
        new Areas.Score("storage", 50, 1, 1),
        new Areas.Score("secrets", null, 0, 0),
        new Areas.Score("network", null, 0, 0),
        new Areas.Score("TLS", null, 0, 0),
        new Areas.Score("workloads", 80, 1, 1));
  }
}
