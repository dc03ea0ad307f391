package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envprofile.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's alert rules (files/alerts.yaml, the PrometheusRule) and Grafana dashboard
 * (files/dashboard.json, the ConfigMap) name only series the operator really exports: the names
 * come from scraping the operator's own registry with JOSDK's metrics and our gauges in it
 * (ExportedMetrics), not from a list kept by hand.
 */
class ChartMonitoringTest {
  private static final Path CHART = Samples.ROOT.getParent().resolve("helm/envprofile-operator");
  private static Set<String> exported;

  @BeforeAll
  static void scrape() throws Exception {
    exported = ExportedMetrics.names(ExportedMetrics.scrape());
  }

  @Test
  void everyAlertExpressionNamesOnlyExportedMetrics() throws Exception {
    Map<String, String> alerts = alerts();
    assertThat(alerts).containsOnlyKeys("EnvProfileParityBelowTarget", "EnvProfileDegraded", "EnvProfileReconcileErrors");
    Set<String> used = new LinkedHashSet<>();
    alerts.forEach((alert, expr) -> {
      Set<String> names = PromqlNames.of(expr);
      assertThat(names).as(alert).isNotEmpty();
      assertThat(exported).as(alert + ": " + expr).containsAll(names);
      used.addAll(names);
    });
    assertThat(used).containsExactlyInAnyOrder(ParityGauges.NAME, ParityGauges.TARGET, ParityGauges.DEGRADED,
        "operator_sdk_reconciliations_failed_total");
  }

  @Test
  void theAlertsWaitAsDocumented() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(CHART.resolve("files/alerts.yaml").toFile())
        .get("groups").get(0).get("rules");
    Map<String, String> waits = new LinkedHashMap<>();
    rules.forEach(r -> waits.put(r.get("alert").asText(), r.get("for").asText()));
    assertThat(waits).containsEntry("EnvProfileDegraded", "15m").containsEntry("EnvProfileParityBelowTarget", "1h")
        .containsEntry("EnvProfileReconcileErrors", "15m");
    rules.forEach(r -> assertThat(r.get("labels").get("severity").asText()).isIn("warning", "critical"));
  }

  @Test
  void everyDashboardQueryNamesOnlyExportedMetrics() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(CHART.resolve("files/dashboard.json").toFile());
    List<String> exprs = new ArrayList<>();
    dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText())));
    assertThat(exprs).hasSizeGreaterThan(10);
    Set<String> used = new LinkedHashSet<>();
    for (String expr : exprs) {
      Set<String> names = PromqlNames.of(expr);
      assertThat(names).as(expr).isNotEmpty();
      assertThat(exported).as(expr).containsAll(names);
      used.addAll(names);
    }
    // The namespace variable: label_values(METRIC, LABEL) is Grafana's, its first argument PromQL.
    for (JsonNode v : dashboard.get("templating").get("list")) {
      if (v.get("type").asText().equals("query")) {
        String query = v.get("query").get("query").asText();
        assertThat(query).startsWith("label_values(");
        String metric = query.substring("label_values(".length(), query.lastIndexOf(','));
        assertThat(exported).as(query).containsAll(PromqlNames.of(metric));
        used.addAll(PromqlNames.of(metric));
      }
    }
    assertThat(used).contains(ParityGauges.NAME, ParityGauges.TARGET, ParityGauges.DEGRADED,
        "operator_sdk_reconciliations_failed_total", "operator_sdk_reconciliations_started_total",
        "operator_sdk_controllers_execution_reconcile_seconds_bucket", "jvm_memory_used_bytes");
  }

  @Test
  void theChartRendersBothFromTheirFilesBehindValues() throws Exception {
    assertThat(Files.readString(CHART.resolve("templates/prometheusrule.yaml")))
        .contains("{{- if .Values.metrics.prometheusRule.enabled }}", ".Files.Get \"files/alerts.yaml\"");
    assertThat(Files.readString(CHART.resolve("templates/dashboard.yaml")))
        .contains("{{- if .Values.metrics.grafanaDashboard.enabled }}", ".Files.Get \"files/dashboard.json\"");
    JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(CHART.resolve("values.yaml").toFile()).get("metrics");
    assertThat(values.get("prometheusRule").get("enabled").asBoolean()).isFalse();
    assertThat(values.get("grafanaDashboard").get("labels").get("grafana_dashboard").asText()).isEqualTo("1");
    // The series' namespace label is the profile's: the ServiceMonitor must not rename it.
    assertThat(Files.readString(CHART.resolve("templates/service.yaml"))).contains("honorLabels: true");
  }

  @Test
  void theScannerFindsMetricNamesAndNothingElse() {
    assertThat(PromqlNames.of("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket{job=~\"x|y\", le!=\"}\"}[5m])))"))
        .containsExactly("a_seconds_bucket");
    assertThat(PromqlNames.of("max by (namespace, profile) (a) < on (namespace) group_left (profile) b offset 5m"))
        .containsExactly("a", "b");
    assertThat(PromqlNames.of("sum(increase(envprofile_parity[$__rate_interval])) or vector(0)"))
        .containsExactly("envprofile_parity");
    assertThat(exported).doesNotContain("envprofile_parity", "operator_sdk_reconciliations_failed");
    assertThatThrownBy(() -> PromqlNames.of("sum(a")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, String> alerts() throws Exception {
    JsonNode groups = new ObjectMapper(new YAMLFactory()).readTree(CHART.resolve("files/alerts.yaml").toFile())
        .get("groups");
    Map<String, String> out = new LinkedHashMap<>();
    groups.forEach(g -> g.get("rules").forEach(r -> out.put(r.get("alert").asText(), r.get("expr").asText())));
    return out;
  }
}
