package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ParityGaugesTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ParityGauges gauges = new ParityGauges(registry);

  @Test
  void aGaugeFollowsTheLastParityOfItsProfile() {
    gauges.record("shop", "production", 53);
    gauges.record("shop", "production", 96);
    assertThat(registry.get(ParityGauges.NAME).tag("namespace", "shop").tag("profile", "production").gauge().value())
        .isEqualTo(96.0);
  }

  @Test
  void aDeletedProfilesGaugeIsRemovedNotLeftAtItsValueOrZero() {
    gauges.record("shop", "production", 53);
    gauges.record("blog", "production", 80);
    gauges.remove("shop", "production");
    assertThat(registry.find(ParityGauges.NAME).tag("namespace", "shop").gauges()).isEmpty();
    assertThat(registry.scrape()).doesNotContain("namespace=\"shop\"")
        .contains("envprofile_parity_percent{namespace=\"blog\",profile=\"production\"} 80.0");
  }

  @Test
  void aProfileCreatedAgainUnderTheSameNameGetsALiveGauge() {
    gauges.record("shop", "production", 53);
    gauges.remove("shop", "production");
    gauges.record("shop", "production", 70);
    assertThat(registry.get(ParityGauges.NAME).tag("namespace", "shop").gauge().value()).isEqualTo(70.0);
    gauges.remove("shop", "production");
    gauges.remove("shop", "production"); // a second cleanup pass removes nothing and does not fail
    assertThat(registry.find(ParityGauges.NAME).gauges()).isEmpty();
  }

  @Test
  void theTargetAndDegradedGaugesFollowTheProfileAndEndWithIt() {
    gauges.record("shop", "production", 53, 95);
    gauges.degraded("shop", "production", true);
    assertThat(registry.scrape())
        .contains("envprofile_parity_target_percent{namespace=\"shop\",profile=\"production\"} 95.0")
        .contains("envprofile_profile_degraded{namespace=\"shop\",profile=\"production\"} 1.0");
    gauges.degraded("shop", "production", false);
    assertThat(registry.get(ParityGauges.DEGRADED).tag("namespace", "shop").gauge().value()).isZero();
    gauges.remove("shop", "production");
    assertThat(registry.scrape()).doesNotContain("envprofile_");
  }
}
