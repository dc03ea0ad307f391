package dev.envprofile.engine.credentials;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRewriteTest {
  private static final String PROD = "tier: production";
  private static final String EXTERNAL = """
      tier: production
      secrets:
        provider: ExternalSecret
        externalSecret:
          secretStoreRef: {kind: ClusterSecretStore, name: vault}
          remoteKeyTemplate: "apps/{namespace}/{name}"
      """;

  private static final String APP = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-env}
      data:
        DB_HOST: db
        DB_PASSWORD: s3cr3t-Value-91
        accessKey: AKIA-example-Key-77
        DATABASE_URL: "postgresql://app:url-Pass-55@db:5432/app"
        TEMPLATE_URL: "postgresql://$(DB_USER):$(DB_PASSWORD)@db:5432/app"
        PLAIN: hello
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: example/api:1.0
              envFrom:
              - configMapRef: {name: app-env}
              env:
              - {name: API_TOKEN, value: tok-Literal-123}
              - {name: CONN, value: "redis://:$(API_TOKEN)@cache:6379"}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        schedule: "0 1 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                - name: report
                  image: example/report:1.0
                  env:
                  - name: PASSWORD
                    valueFrom: {configMapKeyRef: {name: app-env, key: DB_PASSWORD}}
      """;

  @Test
  void configMapCredentialsMoveAndEveryConsumerReadsThemFromTheSecret() {
    Result r = promote(APP, PROD);
    List<HasMetadata> out = r.objects();
    Secret s = get(out, Secret.class, "app-env-secret");
    assertThat(Invariants.data(s)).containsOnlyKeys("DB_PASSWORD", "accessKey", "DATABASE_URL");
    assertThat(s.getMetadata().getAnnotations()).containsEntry("envprofile.dev/source", "ConfigMap/app-env");
    ConfigMap cm = get(out, ConfigMap.class, "app-env");
    assertThat(cm.getData()).containsOnlyKeys("DB_HOST", "TEMPLATE_URL", "PLAIN");

    Deployment d = get(out, Deployment.class, "api");
    var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getEnvFrom()).hasSize(2);
    assertThat(c.getEnvFrom().get(1).getSecretRef().getName()).isEqualTo("app-env-secret");
    CronJob cj = get(out, CronJob.class, "report");
    var env = cj.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0);
    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("app-env-secret");
    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("DB_PASSWORD");
    assertThat(Invariants.environments(out)).isEqualTo(Invariants.environments(TestManifests.parse(APP)));
  }

  @Test
  void literalCredentialsMoveButValuesWithReferencesStay() {
    List<HasMetadata> out = promote(APP, PROD).objects();
    Secret s = get(out, Secret.class, "api-credentials");
    assertThat(Invariants.data(s)).containsOnlyKeys("API_TOKEN");
    var env = get(out, Deployment.class, "api").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env.get(0).getName()).isEqualTo("API_TOKEN");
    assertThat(env.get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("api-credentials");
    assertThat(env.get(1).getValue()).isEqualTo("redis://:$(API_TOKEN)@cache:6379");
  }

  @Test
  void externalSecretModeCopiesNoValueIntoTheOutput() {
    Result r = promote(APP, EXTERNAL);
    String all = yaml(r.objects());
    for (String value : List.of("s3cr3t-Value-91", "AKIA-example-Key-77", "url-Pass-55", "tok-Literal-123")) {
      assertThat(all).doesNotContain(value);
    }
    assertThat(r.objects()).noneMatch(o -> o instanceof Secret);
    GenericKubernetesResource es = (GenericKubernetesResource) r.objects().stream()
        .filter(o -> o.getKind().equals("ExternalSecret") && o.getMetadata().getName().equals("app-env-secret"))
        .findFirst().orElseThrow();
    assertThat(es.getApiVersion()).isEqualTo("external-secrets.io/v1");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) es.getAdditionalProperties().get("spec");
    assertThat(spec.get("secretStoreRef")).isEqualTo(Map.of("kind", "ClusterSecretStore", "name", "vault"));
    assertThat(spec.get("data").toString()).contains("secretKey=DB_PASSWORD")
        .contains("key=apps/shop/app-env").contains("property=DB_PASSWORD");
    assertThat(SecretObjects.externalSecretKeys(es)).containsExactly("DATABASE_URL", "DB_PASSWORD", "accessKey");
  }

  @Test
  void configFilesWithCredentialsAreMountedFromASecretWithTheSamePaths() {
    String m = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: files}
        data:
          application.properties: |
            server.port=8080
            spring.datasource.password=file-Pass-42
          logback.xml: "<configuration/>"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec:
              containers:
              - name: app
                image: example/app:2.0
                volumeMounts:
                - {name: config, mountPath: /config}
              volumes:
              - name: config
                configMap: {name: files, defaultMode: 0440}
        """;
    List<HasMetadata> out = promote(m, PROD).objects();
    assertThat(Invariants.data(get(out, Secret.class, "files-secret"))).containsOnlyKeys("application.properties");
    assertThat(get(out, ConfigMap.class, "files").getData()).containsOnlyKeys("logback.xml");
    Volume v = get(out, Deployment.class, "app").getSpec().getTemplate().getSpec().getVolumes().get(0);
    assertThat(v.getConfigMap()).isNull();
    assertThat(v.getProjected().getDefaultMode()).isEqualTo(0440);
    assertThat(v.getProjected().getSources()).hasSize(2);
    assertThat(v.getProjected().getSources().get(0).getConfigMap().getItems().get(0).getPath()).isEqualTo("logback.xml");
    assertThat(v.getProjected().getSources().get(1).getSecret().getItems().get(0).getPath()).isEqualTo("application.properties");
    assertThat(Invariants.danglingMounts(out)).isEmpty();
  }

  @Test
  void aKeyStaysInTheConfigMapWhileAnIgnoredWorkloadReadsIt() {
    String m = APP + """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: legacy
          annotations: {envprofile.dev/ignore: "true"}
        spec:
          selector: {matchLabels: {app: legacy}}
          template:
            metadata: {labels: {app: legacy}}
            spec:
              containers:
              - name: legacy
                image: example/legacy:1.0
                env:
                - name: DB_PASSWORD
                  valueFrom: {configMapKeyRef: {name: app-env, key: DB_PASSWORD}}
        """;
    List<HasMetadata> out = promote(m, PROD).objects();
    assertThat(get(out, ConfigMap.class, "app-env").getData()).containsKey("DB_PASSWORD").doesNotContainKey("accessKey");
    var legacy = get(out, Deployment.class, "legacy");
    assertThat(legacy.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValueFrom()
        .getConfigMapKeyRef().getName()).isEqualTo("app-env");
  }

  @Test
  void aForeignSecretWithTheGeneratedNameIsNeitherAdoptedNorOverwritten() {
    String m = APP + """
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: app-env-secret}
        stringData: {other: thing}
        """;
    Result r = promote(m, PROD);
    assertThat(Invariants.data(get(r.objects(), Secret.class, "app-env-secret"))).containsOnlyKeys("other");
    assertThat(get(r.objects(), ConfigMap.class, "app-env").getData()).containsKey("DB_PASSWORD");
    assertThat(r.report().results()).anyMatch(x -> x.check().id().equals("promotion.name-conflict") && !x.passed());
  }

  @Test
  void weakCredentialsAreReportedByKeyNeverByValue() {
    String m = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: db-env}
        data:
          POSTGRES_USER: shopuser
          POSTGRES_PASSWORD: shopuser
          ADMIN_PASSWORD: changeme
          GOOD_PASSWORD: kQ9-unusual-Value-7
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: db
                image: example/db:1.0
                envFrom: [{configMapRef: {name: db-env}}]
        """;
    Result r = audit(m, PROD);
    CheckResult weak = r.report().results().stream()
        .filter(x -> x.check().id().equals("security.weak-credential") && x.object().name().equals("db-env"))
        .findFirst().orElseThrow();
    assertThat(weak.passed()).isFalse();
    assertThat(weak.message()).contains("POSTGRES_PASSWORD").contains("ADMIN_PASSWORD").doesNotContain("GOOD_PASSWORD");
    String json = JsonReport.render(r.report());
    assertThat(json).doesNotContain("changeme").doesNotContain("kQ9-unusual-Value-7");
  }

  @Test
  void namesAreComparedWithCamelCaseSplitAndPointersAreNotCredentials() {
    CredentialNames n = new CredentialNames(List.of());
    assertThat(n.matches("accessKey")).isTrue();
    assertThat(n.matches("spring.datasource.password")).isTrue();
    assertThat(n.matches("PGPASSWORD")).isTrue();
    assertThat(n.matches("client-secret")).isTrue();
    assertThat(n.matches("PASSWORD_FILE")).isFalse();
    assertThat(n.matches("TOKEN_URL")).isFalse();
    assertThat(n.matches("PWD")).isFalse();
    assertThat(n.matches("DB_HOST")).isFalse();
    assertThat(new CredentialNames(List.of(com.google.re2j.Pattern.compile("^STRIPE_", com.google.re2j.Pattern.CASE_INSENSITIVE))).matches("stripe_key")).isTrue();
  }

  @Test
  void promotingTwiceChangesNothing() {
    for (String profile : List.of(PROD, EXTERNAL)) {
      var s = TestManifests.settings(profile);
      Result once = Engine.promote(TestManifests.parse(APP), s);
      Result twice = Engine.promote(once.objects(), s);
      assertThat(yaml(twice.objects())).isEqualTo(yaml(once.objects()));
    }
  }
}
