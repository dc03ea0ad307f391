package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.operator.EnvProfileOperator;
import dev.envprofile.operator.OperatorMain;
import dev.envprofile.operator.policy.NamespaceGate;
import dev.envprofile.operator.policy.PolicySource;
import dev.envprofile.operator.policy.TenantPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The series names /metrics serves: the operator's registry (OperatorMain.registry, JVM meters
 * included), JOSDK's metrics as EnvProfileOperator installs them driven through one reconcile of
 * each outcome the way the framework reports it, and our per-profile gauges; scraped as text.
 */
final class ExportedMetrics {
  private ExportedMetrics() {}

  static String scrape() throws Exception {
    PrometheusMeterRegistry registry = OperatorMain.registry();
    Metrics josdk = EnvProfileOperator.metrics(registry);
    // Registering the controller (no API server is contacted) is what creates JOSDK's per-controller meters.
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build()) {
      Operator operator = new Operator(o -> o.withKubernetesClient(client).withMetrics(josdk)
          .checkingCRDAndValidateLocalModel(false).withCloseClientOnStop(false));
      operator.register(new ProfileReconciler(registry, "envprofile-system", Duration.ofSeconds(60),
          PolicySource.fixed(TenantPolicy.DEFAULT), new NamespaceGate("envprofile-system", true, List.of())));
    }
    EnvironmentProfile p = new EnvironmentProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("shop").build());
    // What JOSDK's EventProcessor passes with every call.
    Map<String, Object> metadata = Map.of(Constants.RESOURCE_GVK_KEY, GroupVersionKind.gvkFor(EnvironmentProfile.class),
        Constants.CONTROLLER_NAME, "environmentprofile");
    josdk.reconcileCustomResource(p, null, metadata);
    josdk.reconciliationExecutionStarted(p, metadata);
    josdk.timeControllerExecution(execution(p, metadata, false));
    try {
      josdk.timeControllerExecution(execution(p, metadata, true));
    } catch (RuntimeException expected) {
      // counted as a failed execution
    }
    josdk.reconciliationExecutionFinished(p, metadata);
    josdk.finishedReconciliation(p, metadata);
    josdk.reconcileCustomResource(p, null, metadata);
    josdk.failedReconciliation(p, new IllegalStateException("x"), metadata);
    ParityGauges gauges = new ParityGauges(registry);
    gauges.record("shop", "shop", 53, 95);
    gauges.degraded("shop", "shop", false);
    return registry.scrape();
  }

  /** Every series name in a Prometheus text scrape (histograms' _bucket/_count/_sum included). */
  static Set<String> names(String scrape) {
    Set<String> out = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      out.add(line.substring(0, end));
    }
    return out;
  }

  private static Metrics.ControllerExecution<String> execution(EnvironmentProfile p, Map<String, Object> metadata,
                                                               boolean fail) {
    return new Metrics.ControllerExecution<>() {
      @Override
      public String name() {
        return "reconcile";
      }

      @Override
      public String controllerName() {
        return "environmentprofile";
      }

      @Override
      public String successTypeName(String result) {
        return "resource";
      }

      @Override
      public ResourceID resourceID() {
        return ResourceID.fromResource(p);
      }

      @Override
      public Map<String, Object> metadata() {
        return metadata;
      }

      @Override
      public String execute() {
        if (fail) {
          throw new IllegalStateException("x");
        }
        return "ok";
      }
    };
  }
}
