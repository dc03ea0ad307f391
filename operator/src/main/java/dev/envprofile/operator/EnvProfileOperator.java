package dev.envprofile.operator;

import dev.envprofile.operator.reconciler.ProfileReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;

/** The JOSDK operator with envprofile's one controller, its metrics and leader election. */
public final class EnvProfileOperator {
  public static final String LEASE_NAME = "envprofile-operator";
  private final Operator operator;

  public EnvProfileOperator(KubernetesClient client, OperatorOptions options, MeterRegistry registry) {
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .checkingCRDAndValidateLocalModel(false)
          .withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build())
          .withStopOnInformerErrorDuringStartup(false)
          .withCacheSyncTimeout(Duration.ofMinutes(2));
      if (options.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
            .withLeaseNamespace(options.leaseNamespace() != null ? options.leaseNamespace() : podNamespace())
            .withLeaseDuration(Duration.ofSeconds(10))
            .withRenewDeadline(Duration.ofSeconds(8))
            .withRetryPeriod(Duration.ofSeconds(2))
            .build());
      }
    });
    ProfileReconciler reconciler = new ProfileReconciler(registry);
    operator.register(reconciler, c -> {
      if (!options.namespaces().isEmpty()) {
        c.settingNamespaces(new HashSet<>(options.namespaces()));
      }
      c.withReconciliationMaxInterval(Duration.ofSeconds(options.resyncSeconds()));
    });
  }

  public void start() {
    operator.start();
  }

  public void stop() {
    operator.stop();
  }

  /** Ready when every informer is synced and healthy (and, with leader election, on every replica). */
  public boolean ready() {
    try {
      return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String podNamespace() {
    try {
      return java.nio.file.Files.readString(
          java.nio.file.Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace")).trim();
    } catch (java.io.IOException e) {
      return "default";
    }
  }

}
