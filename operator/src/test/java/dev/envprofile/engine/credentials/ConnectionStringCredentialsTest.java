package dev.envprofile.engine.credentials;

import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 4, end to end: credentials in connection strings, config files, token prefixes
 * and command lines are found, moved where a move keeps the app working, reported where not, and
 * their hosts are flows.
 */
class ConnectionStringCredentialsTest {
  private static final String PROD = "tier: production";
  private static final String APP = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: api-config}
      data:
        appsettings.json: '{"Logging":{"LogLevel":"Information"},"ConnectionStrings":{"Default":"Host=postgresql;Port=5432;Username=app;Password=Json-Conn-Pass-1"}}'
        LOG_LEVEL: info
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
              args: ["--db-password=Args-Pass-2", "--listen=:8080"]
              env:
              - {name: ConnectionStrings__Orders, value: "Server=mssql,1433;Database=orders;User Id=sa;Password=Env-Conn-Pass-3"}
              - {name: GITHUB, value: "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}
              - {name: TOKEN_EXPIRY_SECONDS, value: "3600"}
              - {name: SECRET_NAME, value: my-secret}
              - {name: PASSWORD_MIN_LENGTH, value: "8"}
              - {name: TOKEN_URL, value: "https://auth.example.com/token"}
              volumeMounts:
              - {name: config, mountPath: /app/config}
            volumes:
            - name: config
              configMap: {name: api-config, items: [{key: appsettings.json, path: appsettings.json}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: postgresql}
      spec:
        selector: {matchLabels: {app: postgresql}}
        template:
          metadata: {labels: {app: postgresql}}
          spec:
            containers:
            - {name: postgres, image: "postgres:16", ports: [{containerPort: 5432}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: postgresql}
      spec:
        selector: {app: postgresql}
        ports: [{port: 5432, targetPort: 5432}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: mssql}
      spec:
        selector: {matchLabels: {app: mssql}}
        template:
          metadata: {labels: {app: mssql}}
          spec:
            containers:
            - {name: mssql, image: "mcr.microsoft.com/mssql/server:2022-latest", ports: [{containerPort: 1433}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: mssql}
      spec:
        selector: {app: mssql}
        ports: [{port: 1433, targetPort: 1433}]
      """;

  @Test
  void configFileWithAConnectionStringIsMountedFromASecret() {
    Result r = promote(APP, PROD);
    Secret s = get(r.objects(), Secret.class, "api-config-secret");
    assertThat(Invariants.data(s)).containsOnlyKeys("appsettings.json");
    assertThat(get(r.objects(), ConfigMap.class, "api-config").getData()).containsOnlyKeys("LOG_LEVEL");
    var volume = get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getVolumes().get(0);
    assertThat(volume.getSecret().getSecretName()).isEqualTo("api-config-secret");
    assertThat(volume.getSecret().getItems()).singleElement().satisfies(i -> assertThat(i.getPath()).isEqualTo("appsettings.json"));
  }

  @Test
  void connectionStringsAndTokensInEnvMoveAndSettingsAboutCredentialsStay() {
    Result r = promote(APP, PROD);
    List<EnvVar> env = get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env).filteredOn(v -> v.getValueFrom() != null).extracting(EnvVar::getName)
        .containsExactly("ConnectionStrings__Orders", "GITHUB");
    assertThat(env).filteredOn(v -> v.getValue() != null).extracting(EnvVar::getName)
        .containsExactly("TOKEN_EXPIRY_SECONDS", "SECRET_NAME", "PASSWORD_MIN_LENGTH", "TOKEN_URL");
    assertThat(Invariants.environments(r.objects())).isEqualTo(Invariants.environments(TestManifests.parse(APP)));
  }

  @Test
  void credentialsOnTheCommandLineAreReportedNotMoved() {
    Result r = promote(APP, PROD);
    CheckResult args = TestManifests.result(r, "security.secrets-in-args", "api");
    assertThat(args.passed()).isFalse();
    assertThat(args.fixable()).isFalse();
    assertThat(args.message()).contains("--db-password").doesNotContain("Args-Pass-2");
    assertThat(TestManifests.result(r, "security.secrets-in-args", "postgresql").passed()).isTrue();
    assertThat(get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly("--db-password=Args-Pass-2", "--listen=:8080");
    String report = JsonReport.render(r.report()) + JsonReport.render(Engine.audit(TestManifests.parse(APP),
        TestManifests.settings(PROD)).report());
    for (String v : List.of("Json-Conn-Pass-1", "Args-Pass-2", "Env-Conn-Pass-3", "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8")) {
      assertThat(report).doesNotContain(v);
    }
    assertThat(Engine.credentialValues(TestManifests.parse(APP), TestManifests.settings(PROD)))
        .contains("Json-Conn-Pass-1", "Args-Pass-2", "Env-Conn-Pass-3");
  }

  @Test
  void connectionStringHostsAreFlowsWithTheirPorts() {
    Settings settings = TestManifests.settings(PROD);
    List<HasMetadata> objects = TestManifests.parse(APP);
    Inventory inv = Inventory.of(settings.namespace(), objects, settings.selector());
    Facts facts = new Facts(inv, settings);
    Workload api = inv.allWorkloads().stream().filter(w -> w.name().equals("api")).findFirst().orElseThrow();
    assertThat(facts.flows().flowsFrom(api)).extracting(f -> f.to().name() + ":" + f.ports())
        .anySatisfy(s -> assertThat(s).startsWith("postgresql:").contains("5432"))
        .anySatisfy(s -> assertThat(s).startsWith("mssql:").contains("1433"));
  }
}
