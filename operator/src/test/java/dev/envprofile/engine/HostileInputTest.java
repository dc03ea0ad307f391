package dev.envprofile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workloads the API server accepts but nobody writes on purpose: ConfigMaps near the 1 MiB limit,
 * thousands of keys, binaryData, names at the length limits, unicode, duplicate env names, env
 * from ConfigMaps that do not exist. The engine finishes, stays idempotent, and reports what is due.
 */
class HostileInputTest {
  private static final Settings PRODUCTION = TestManifests.settings("tier: production\nsecrets: {provider: Secret}");

  @Test
  void aConfigMapNearTheSizeLimitWithThousandsOfKeysIsHandled() {
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      data.put("SETTING_" + i, "v".repeat(150) + i);
    }
    data.put("DB_PASSWORD", "hostile-Pa55word-" + "x".repeat(40));
    ConfigMap big = new ConfigMapBuilder().withNewMetadata().withName("big").withNamespace(TestManifests.NS).endMetadata()
        .withData(data).withBinaryData(Map.of("blob.bin", Base64.getEncoder().encodeToString(new byte[4096]))).build();
    Result r = promoteTwice(List.of(big, app("api", "big")));
    ConfigMap out = TestManifests.get(r.objects(), ConfigMap.class, "big");
    assertThat(out.getData()).hasSize(5_000).doesNotContainKey("DB_PASSWORD");
    assertThat(out.getBinaryData()).containsKey("blob.bin");
    assertThat(r.objects()).filteredOn(o -> o instanceof Secret).isNotEmpty();
  }

  @Test
  void namesAtTheLengthLimitsAndUnicodeValuesDoNotBreakGeneratedNames() {
    String longName = "a" + "b".repeat(61) + "c"; // 63: the longest DNS label
    Deployment d = app(longName, null);
    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().add(
        new io.fabric8.kubernetes.api.model.EnvVar("GREETING", "grüß dich — こんにちは 🙂", null));
    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().add(
        new io.fabric8.kubernetes.api.model.EnvVar("API_TOKEN", "tök-ën-" + "ü".repeat(20), null));
    Result r = promoteTwice(List.of(d));
    for (HasMetadata o : r.objects()) {
      // Services are DNS labels (63); the other kinds DNS subdomains (253). DryRunIT checks all of it on a real API server.
      int limit = o instanceof io.fabric8.kubernetes.api.model.Service ? 63 : 253;
      assertThat(o.getMetadata().getName().length()).as(o.getKind() + " name").isLessThanOrEqualTo(limit);
    }
    assertThat(TestManifests.get(r.objects(), Deployment.class, longName).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getEnv()).anyMatch(e -> e.getName().equals("GREETING") && e.getValue().startsWith("grüß"));
  }

  @Test
  void duplicateEnvNamesAndMissingConfigMapsAreReportedNotFatal() {
    Deployment d = app("worker", "does-not-exist");
    var env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    env.add(new io.fabric8.kubernetes.api.model.EnvVar("DB_PASSWORD", "first-Secret-value-1", null));
    env.add(new io.fabric8.kubernetes.api.model.EnvVar("DB_PASSWORD", "second-Secret-value-2", null));
    Result r = promoteTwice(List.of(d));
    var c = TestManifests.get(r.objects(), Deployment.class, "worker").getSpec().getTemplate().getSpec().getContainers().get(0);
    // The kubelet uses the last of duplicate names: the effective value must stay the second one.
    assertThat(c.getEnv().stream().filter(e -> e.getName().equals("DB_PASSWORD")).reduce((a, b) -> b).orElseThrow()
        .getValueFrom()).isNotNull();
    assertThat(c.getEnvFrom()).anyMatch(f -> f.getConfigMapRef() != null && "does-not-exist".equals(f.getConfigMapRef().getName()));
    List<CheckResult> failed = r.report().results().stream().filter(x -> !x.passed()).toList();
    assertThat(failed).isNotEmpty();
    String report = dev.envprofile.cli.output.JsonReport.render(r.report());
    assertThat(report).doesNotContain("first-Secret-value-1").doesNotContain("second-Secret-value-2");
    Secret s = r.objects().stream().filter(o -> o instanceof Secret).map(Secret.class::cast).findFirst().orElseThrow();
    String moved = s.getData() != null ? new String(Base64.getDecoder().decode(s.getData().values().iterator().next()))
        : s.getStringData().values().iterator().next();
    assertThat(moved).isEqualTo("second-Secret-value-2");
  }

  /** Promotes, checks that promoting the output again changes nothing, returns the first result. */
  private static Result promoteTwice(List<HasMetadata> input) {
    Result first = Engine.promote(new ArrayList<>(input), PRODUCTION);
    Result second = Engine.promote(first.objects().stream().map(Copies::deep).map(HasMetadata.class::cast).toList(), PRODUCTION);
    assertThat(second.changes()).as("a second promotion changes nothing").isEmpty();
    return first;
  }

  private static Deployment app(String name, String configMap) {
    DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(TestManifests.NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
        .addNewContainer().withName("app").withImage("registry.example.com/app:1.0.0").withEnv(new ArrayList<>())
        .addNewPort().withContainerPort(8080).withName("http").endPort()
        .endContainer().endSpec().endTemplate().endSpec();
    Deployment d = b.build();
    if (configMap != null) {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setEnvFrom(new ArrayList<>(List.of(
          new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder().withNewConfigMapRef().withName(configMap).endConfigMapRef()
              .build())));
    }
    return d;
  }
}
