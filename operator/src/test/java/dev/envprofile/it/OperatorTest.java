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

  protected static Condition condition(EnvironmentProfile p, String type) {
    return p.getStatus().conditions.stream().filter(c -> c.getType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions(p)));
  }


}
