package dev.envprofile.engine.checks;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static dev.envprofile.testing.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {
  private static String app(String name, String image, String env, String extra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s%s}
        spec:
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: main
                image: %s
                ports: [{containerPort: 8080}]
                env: %s
        """.formatted(name, extra, name, name, image, env);
  }

  @Test
  void devEndpointsAreJudgedByTheValue() {
    Result r = audit(app("a", "example/a:1", "[{name: AWS_ENDPOINT_URL, value: \"http://localstack:4566\"}]", "") + "---\n"
        + app("b", "example/b:1", "[{name: AWS_ENDPOINT_URL, value: \"https://storage.googleapis.com\"}]", "") + "---\n"
        + app("c", "example/c:1", "[{name: SMTP_HOST, value: \"mailhog:1025\"}]", "") + "---\n"
        + app("d", "example/d:1", "[{name: ADMIN_URL, value: \"http://localhost:8080/admin\"}]", "") + "---\n"
        + app("e", "example/e:1", "[{name: OTEL_URL, value: \"http://localhost:4317\"}]", "") + "---\n"
        + app("f", "example/f:1", "[{name: DOCKER_HOST_URL, value: \"http://host.docker.internal:5432\"}]", ""), "tier: production");
    assertThat(result(r, "config.dev-endpoint", "a").message()).contains("LocalStack");
    assertThat(result(r, "config.dev-endpoint", "b").passed()).isTrue();
    assertThat(result(r, "config.dev-endpoint", "c").message()).contains("mail catcher");
    assertThat(result(r, "config.dev-endpoint", "d").passed()).as("its own container listens on 8080").isTrue();
    assertThat(result(r, "config.dev-endpoint", "e").passed()).isFalse();
    assertThat(result(r, "config.dev-endpoint", "f").message()).contains("host.docker.internal");
  }

  @Test
  void devModeSwitchesAndVaultDevServer() {
    String vault = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: vault}
        spec:
          selector: {matchLabels: {app: vault}}
          template:
            metadata: {labels: {app: vault}}
            spec:
              containers:
              - name: vault
                image: hashicorp/vault:1.15
                args: ["server", "-dev"]
                env: [{name: VAULT_DEV_ROOT_TOKEN_ID, value: root}]
        """;
    Result r = audit(vault + "---\n"
        + app("spring", "example/s:1", "[{name: SPRING_PROFILES_ACTIVE, value: \"local,metrics\"}]", "") + "---\n"
        + app("django", "example/d:1", "[{name: DJANGO_SETTINGS_MODULE, value: app.settings.dev}]", "") + "---\n"
        + app("prod", "example/p:1", "[{name: RAILS_ENV, value: production}, {name: DEBUG, value: \"false\"}]", ""),
        "tier: production");
    assertThat(result(r, "security.dev-mode", "vault").message()).contains("vault server -dev").contains("VAULT_DEV_ROOT_TOKEN_ID");
    assertThat(result(r, "security.dev-mode", "vault").message()).doesNotContain("=root");
    assertThat(result(r, "security.dev-mode", "spring").passed()).isFalse();
    assertThat(result(r, "security.dev-mode", "django").passed()).isFalse();
    assertThat(result(r, "security.dev-mode", "prod").passed()).isTrue();
  }

  @Test
  void unauthenticatedDataServices() {
    Result r = audit(app("redis", "redis:7.2", "[]", "") + "---\n"
        + app("redis-auth", "redis:7.2", "[{name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: r, key: p}}}]", "") + "---\n"
        + app("pg", "postgres:16", "[{name: POSTGRES_HOST_AUTH_METHOD, value: trust}]", "") + "---\n"
        + app("mongo", "mongo:7", "[]", "") + "---\n"
        + app("es", "docker.elastic.co/elasticsearch/elasticsearch:8.13.0",
            "[{name: xpack.security.enabled, value: \"false\"}]", ""), "tier: production");
    assertThat(result(r, "security.unauthenticated-service", "redis").passed()).isFalse();
    assertThat(result(r, "security.unauthenticated-service", "redis-auth").passed()).isTrue();
    assertThat(result(r, "security.unauthenticated-service", "pg").message()).contains("trust");
    assertThat(result(r, "security.unauthenticated-service", "mongo").passed()).isFalse();
    assertThat(result(r, "security.unauthenticated-service", "es").message()).contains("xpack.security.enabled=false");
  }

  @Test
  void plaintextConnections() {
    Result r = audit(app("a", "example/a:1", "[{name: DB, value: \"postgres://db:5432/app?sslmode=disable\"}]", "") + "---\n"
        + app("b", "example/b:1", "[{name: API, value: \"http://api.partner.example.com/v1\"}]", "") + "---\n"
        + app("c", "example/c:1", "[{name: API, value: \"http://api:8080\"}, {name: JDBC, value: \"jdbc:mysql://db/x?useSSL=false\"}]", ""),
        "tier: production");
    assertThat(result(r, "security.plaintext-connection", "a").message()).contains("sslmode=disable");
    assertThat(result(r, "security.plaintext-connection", "b").message()).contains("api.partner.example.com");
    assertThat(result(r, "security.plaintext-connection", "c").message()).contains("usessl=false").doesNotContain("api:8080");
  }

  @Test
  void ingressTlsKeepsExistingEntriesAndReportsHostlessRules() {
    String m = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: site}
        spec:
          tls: [{hosts: [a.example.com], secretName: mine}]
          rules:
          - host: a.example.com
          - host: b.example.com
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: nohost}
        spec:
          rules:
          - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: x, port: {number: 80}}}}]}
        """;
    Result r = promote(m, "tier: production\ntls: {clusterIssuer: corp-ca}");
    Ingress site = get(r.objects(), Ingress.class, "site");
    assertThat(site.getSpec().getTls()).hasSize(2);
    assertThat(site.getSpec().getTls().get(0).getSecretName()).isEqualTo("mine");
    assertThat(site.getSpec().getTls().get(1).getHosts()).containsExactly("b.example.com");
    assertThat(site.getSpec().getTls().get(1).getSecretName()).isEqualTo("site-tls");
    assertThat(site.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "corp-ca");
    Ingress nohost = get(r.objects(), Ingress.class, "nohost");
    assertThat(nohost.getSpec().getTls()).isNullOrEmpty();
    CheckResult c = result(r, "security.tls", "nohost");
    assertThat(c.passed()).isFalse();
    assertThat(c.fixable()).isFalse();
  }

  @Test
  void unknownKindsAndIgnoredWorkloadsPassThroughUnchanged() {
    String m = """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: {name: api}
        spec: {endpoints: [{port: http}], selector: {matchLabels: {app: api}}}
        ---
        """ + app("old", "example/old:latest", "[{name: DB_PASSWORD, value: hunter2-Ignored}]",
        ", annotations: {envprofile.dev/ignore: \"true\"}");
    Result r = promote(m, "tier: production");
    List<HasMetadata> in = TestManifests.parse(m);
    assertThat(r.objects().get(0)).isInstanceOf(GenericKubernetesResource.class);
    assertThat(yaml(List.of(r.objects().get(0)))).isEqualTo(yaml(List.of(in.get(0))));
    assertThat(yaml(List.of(get(r.objects(), Deployment.class, "old")))).isEqualTo(yaml(List.of(in.get(1))));
    assertThat(r.report().results()).noneMatch(x -> x.object().name().equals("old") && x.object().kind().equals("Deployment"));
  }
}
