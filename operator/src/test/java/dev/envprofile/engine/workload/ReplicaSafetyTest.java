package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.find;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 5: servers that keep state in memory and test tools were scaled to three.
 * N replicas of a dev-mode Consul are N registries; three load generators are three times the load.
 */
class ReplicaSafetyTest {
  private static final String PROD = "tier: production\nworkloads: {autoscaling: {enabled: true}}";

  private static String deployment(String name, String image, String command) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: main
                image: %s
                %s
                ports: [{containerPort: 8080}]
        ---
        """.formatted(name, name, name, image, command);
  }

  private static final String APP = deployment("consul", "hashicorp/consul:1.17", "args: [agent, -dev, -client, 0.0.0.0]")
      + deployment("discovery", "registry.example.com/shop/eureka-server:3.1", "")
      + deployment("tracing", "jaegertracing/all-in-one:1.52", "")
      + deployment("zipkin", "openzipkin/zipkin:3", "")
      + deployment("aws", "localstack/localstack:3.0", "")
      + deployment("mail", "axllent/mailpit:v1.13", "")
      + deployment("keycloak", "quay.io/keycloak/keycloak:24.0", "args: [start-dev]")
      + deployment("metrics", "prom/prometheus:v2.49.1", "")
      + deployment("loadgenerator", "gcr.io/google-samples/microservices-demo/loadgenerator:v0.9.0", "")
      + deployment("bench", "grafana/k6:0.49.0", "")
      + deployment("chaos", "ghcr.io/shopify/toxiproxy:2.7.0", "")
      // kubernetes/examples selenium: nodes register with the hub, whose sessions live in its memory.
      + deployment("grid", "selenium/hub:4.0", "")
      // BuoyantIO/booksapp: each service keeps a SQLite file in its container (no volume).
      + deployment("books", "buoyantio/booksapp:v0.0.5", "env: [{name: DATABASE_URL, value: 'sqlite3:db/db.sqlite3'}]")
      + deployment("ledger", "example/ledger:1.0", "env: [{name: DB, value: ' JDBC:SQLite:/tmp/ledger.db'}]")
      + deployment("web", "example/web:1.0", "env: [{name: CACHE, value: 'sqlite3'}, {name: NOTE, value: 'uses sqlite: no'}]");

  private static final List<String> IN_MEMORY = List.of("consul", "discovery", "tracing", "zipkin", "aws", "mail", "keycloak",
      "metrics", "grid", "books", "ledger");
  private static final List<String> TOOLS = List.of("loadgenerator", "bench", "chaos");

  @Test
  void inMemoryServersAndTestToolsAreNeverMultiplied() {
    Result r = promote(APP, PROD);
    for (String name : concat(IN_MEMORY, TOOLS)) {
      Deployment d = get(r.objects(), Deployment.class, name);
      assertThat(d.getSpec().getReplicas()).as(name).isEqualTo(1);
      assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).as(name).isNullOrEmpty();
      assertThat(find(r.objects(), PodDisruptionBudget.class, name + "-pdb")).as(name).isEmpty();
      assertThat(find(r.objects(), HorizontalPodAutoscaler.class, name)).as(name).isEmpty();
    }
    // the control: a plain stateless service is still scaled, budgeted, spread and autoscaled
    assertThat(get(r.objects(), Deployment.class, "web").getSpec().getReplicas()).isEqualTo(3);
    assertThat(find(r.objects(), PodDisruptionBudget.class, "web-pdb")).isPresent();
    assertThat(find(r.objects(), HorizontalPodAutoscaler.class, "web")).isPresent();
  }

  @Test
  void theyAreReportedAndNoReplicaCheckAsksForWhatEnforceWillNotDo() {
    Result r = promote(APP, PROD);
    for (String name : IN_MEMORY) {
      CheckResult c = result(r, "workload.single-instance", name);
      assertThat(c.passed()).as(name).isFalse();
      assertThat(c.fixable()).isFalse();
      assertThat(c.message()).contains("keeps state in memory; N replicas would be N separate servers");
      assertThat(result(r, "workload.test-tool", name).passed()).as(name).isTrue();
    }
    for (String name : TOOLS) {
      CheckResult c = result(r, "workload.test-tool", name);
      assertThat(c.passed()).as(name).isFalse();
      assertThat(c.message()).contains("a load generator/test tool: production does not run it");
    }
    assertThat(result(r, "workload.single-instance", "web").passed()).isTrue();
    assertThat(result(r, "workload.test-tool", "web").passed()).isTrue();
    // after promotion nothing fixable is left failing: a live profile would otherwise wait forever
    assertThat(r.report().results()).filteredOn(c -> !c.passed() && c.fixable()).isEmpty();
    assertThat(r.report().results()).filteredOn(c -> c.check().id().startsWith("workload.")
        && List.of("workload.replicas", "workload.disruption-budget", "workload.spread", "workload.autoscaling")
            .contains(c.check().id()))
        .extracting(c -> c.object().name()).doesNotContainAnyElementsOf(concat(IN_MEMORY, TOOLS));
  }

  @Test
  void zipkinWithAStorageBackendIsScaledLikeAnyService() {
    String m = deployment("zipkin", "openzipkin/zipkin:3", "env: [{name: STORAGE_TYPE, value: elasticsearch}]");
    assertThat(get(promote(m, PROD).objects(), Deployment.class, "zipkin").getSpec().getReplicas()).isEqualTo(3);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Test
  void whatTheManifestDoesNotProveStatelessIsNotScaled() {
    String app = deployment("vote-bot", "buoyantio/emojivoto-web:v11", "")
        + deployment("virtual-customer", "ghcr.io/azure-samples/aks-store-demo/virtual-customer:latest", "")
        + deployment("voting", "buoyantio/emojivoto-voting-svc:v11", "")
            .replace("metadata: {name: voting}", "metadata: {name: voting, annotations: {envprofile.dev/single-instance: 'true'}}")
        + deployment("uploads", "example/uploads:1.0", "volumeMounts: [{name: files, mountPath: /srv/files}]")
            .replace("      containers:", "      volumes: [{name: files, emptyDir: {}}]\n      containers:")
        + """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: documentdb}
        spec:
          replicas: 1
          serviceName: documentdb
          selector: {matchLabels: {app: documentdb}}
          template:
            metadata: {labels: {app: documentdb}}
            spec:
              containers: [{name: db, image: "example/custom-docdb:1.0", ports: [{containerPort: 10260}]}]
        ---
        """
        + deployment("web", "example/web:1.0", "");
    Result r = promote(app, PROD);
    for (String name : List.of("vote-bot", "virtual-customer", "voting", "uploads")) {
      assertThat(get(r.objects(), Deployment.class, name).getSpec().getReplicas()).as(name).isEqualTo(1);
    }
    assertThat(get(r.objects(), io.fabric8.kubernetes.api.model.apps.StatefulSet.class, "documentdb").getSpec().getReplicas())
        .as("a StatefulSet's kind says its pods have identity").isEqualTo(1);
    assertThat(get(r.objects(), Deployment.class, "web").getSpec().getReplicas()).isEqualTo(3);
    assertThat(result(r, "workload.test-tool", "vote-bot").passed()).isFalse();
    assertThat(result(r, "workload.test-tool", "virtual-customer").message()).contains("virtual");
    assertThat(result(r, "workload.single-instance", "voting").message()).contains("envprofile.dev/single-instance");
  }
}
