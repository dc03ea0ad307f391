package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.operator.EnvProfileOperator;
import dev.envprofile.operator.OperatorOptions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Integration tests of the operator: it runs in the test JVM against the run's control plane, as
 * the ServiceAccount the Helm chart creates and with exactly the chart's RBAC (so every scenario
 * proves the chart grants enough, and the audit log shows the operator's writes apart).
 */
public abstract class OperatorTest extends ClusterTest {
  protected static final String OPERATOR_USER = Chart.USER;
  protected static final String TEST_MANAGER = "test-user";
  private static EnvProfileOperator operator;
  private static KubernetesClient operatorClient;

  @BeforeAll
  static void startOperator() {
    operatorClient = Chart.operatorClient(cluster);
    operator = new EnvProfileOperator(operatorClient, OperatorOptions.forTests(List.of()), new SimpleMeterRegistry());
    operator.start();
    eventually().until(operator::ready);
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
      operatorClient.close();
    }
  }

  /** The sample's manifests, placed in the test's namespace. */
  protected List<HasMetadata> sample(String name) {
    Path dir = ControlPlane.root().resolve("samples").resolve(name).resolve("manifests");
    List<HasMetadata> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    out.forEach(o -> o.getMetadata().setNamespace(namespace));
    return out;
  }

  protected EnvironmentProfile sampleProfile(String sample, String profile) {
    Path f = ControlPlane.root().resolve("samples").resolve(sample).resolve("profiles").resolve(profile + ".yaml");
    try {
      EnvironmentProfile p = ManifestReader.serialization().unmarshal(Files.readString(f), EnvironmentProfile.class);
      p.getMetadata().setNamespace(namespace);
      return p;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected EnvironmentProfile profile(String name, String specYaml) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: " + name
        + ", namespace: " + namespace + "}\nspec:\n" + specYaml.indent(2);
    return ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class);
  }

  /** Applies objects as a user would (server-side apply under the test's own field manager). */
  protected void applyAsUser(List<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      o.getMetadata().setNamespace(namespace);
      client.resource(o).fieldManager(TEST_MANAGER).forceConflicts().serverSideApply();
    }
  }

  protected EnvironmentProfile live(String name) {
    return client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(name).get();
  }

  protected EnvironmentProfileStatus waitForPhase(String name, EnvironmentProfileStatus.Phase phase) {
    eventually().atMost(java.time.Duration.ofSeconds(120)).untilAsserted(() -> {
      EnvironmentProfile p = live(name);
      assertThat(p.getStatus()).as("status of " + name).isNotNull();
      assertThat(p.getStatus().phase).as("phase of " + name + ": " + conditions(p)).isEqualTo(phase);
    });
    return live(name).getStatus();
  }

  protected static Condition condition(EnvironmentProfile p, String type) {
    return p.getStatus().conditions.stream().filter(c -> c.getType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions(p)));
  }

  protected static String conditions(EnvironmentProfile p) {
    return p.getStatus() == null ? "no status" : p.getStatus().conditions.stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "(" + c.getReason() + ": " + c.getMessage() + ")").toList().toString();
  }
}
