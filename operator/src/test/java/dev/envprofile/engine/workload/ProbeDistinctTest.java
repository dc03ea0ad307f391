package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** workload.probe-distinct, and the probes Enforce adds. */
class ProbeDistinctTest {
  private static final String PROD = "tier: production";

  private static String web(String probes) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.0
                ports: [{containerPort: 8080}]
        %s
        """.formatted(probes.isEmpty() ? "" : probes.strip().indent(8).stripTrailing());
  }

  @Test
  void identicalHttpProbesFailAndAreNotRewritten() {
    String m = web("""
        readinessProbe: {httpGet: {path: /health, port: 8080}, periodSeconds: 10}
        livenessProbe: {httpGet: {path: /health, port: 8080}, periodSeconds: 10}
        """);
    CheckResult r = result(audit(m, PROD), "workload.probe-distinct", "web");
    assertThat(r.passed()).isFalse();
    assertThat(r.fixable()).isFalse();
    assertThat(r.message()).contains("the liveness probe of web is its readiness probe").contains("production needs");
    Container c = get(promote(m, PROD).objects(), Deployment.class, "web").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getLivenessProbe().getPeriodSeconds()).as("a declared probe is the application's").isEqualTo(10);
  }

  @Test
  void identicalExecAndTcpProbesFailWithDefaultsApplied() {
    assertThat(result(audit(web("""
        readinessProbe: {exec: {command: [pg_isready]}}
        livenessProbe: {exec: {command: [pg_isready]}, periodSeconds: 10, failureThreshold: 3}
        """), PROD), "workload.probe-distinct", "web").passed()).isFalse();
    assertThat(result(audit(web("""
        readinessProbe: {tcpSocket: {port: 8080}}
        livenessProbe: {tcpSocket: {port: 8080}, failureThreshold: 2}
        """), PROD), "workload.probe-distinct", "web").passed()).as("liveness gives up sooner").isFalse();
  }

  @Test
  void aLivenessThatWaitsLongerOrChecksSomethingElsePasses() {
    assertThat(result(audit(web("""
        readinessProbe: {httpGet: {path: /health, port: 8080}}
        livenessProbe: {httpGet: {path: /health, port: 8080}, failureThreshold: 6}
        """), PROD), "workload.probe-distinct", "web").passed()).isTrue();
    assertThat(result(audit(web("""
        readinessProbe: {httpGet: {path: /ready, port: 8080}}
        livenessProbe: {httpGet: {path: /live, port: 8080}}
        """), PROD), "workload.probe-distinct", "web").passed()).isTrue();
    assertThat(result(audit(web("""
        readinessProbe: {httpGet: {path: /health, port: 8080}}
        livenessProbe: {tcpSocket: {port: 8080}}
        """), PROD), "workload.probe-distinct", "web").passed()).isTrue();
  }

  @Test
  void aContainerWithoutBothProbesIsLeftToWorkloadProbes() {
    Result r = audit(web(""), PROD);
    assertThat(r.report().results()).noneMatch(x -> x.check().id().equals("workload.probe-distinct"));
  }

  @Test
  void theProbesEnforceAddsAreNeverIdentical() {
    // Regression: Probes.apply used to add the same tcpSocket probe (period 10s, 3 failures) for both.
    Result r = promote(web(""), PROD);
    Container c = get(r.objects(), Deployment.class, "web").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(Probes.identical(c)).isFalse();
    assertThat(Probes.window(c.getLivenessProbe())).isGreaterThan(Probes.window(c.getReadinessProbe()));
    assertThat(c.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    assertThat(c.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    assertThat(result(r, "workload.probe-distinct", "web").passed()).isTrue();
  }
}
