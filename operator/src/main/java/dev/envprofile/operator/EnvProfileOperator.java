package dev.envprofile.operator;

import dev.envprofile.operator.policy.NamespaceGate;
import dev.envprofile.operator.policy.PolicySource;
import dev.envprofile.operator.policy.TenantPolicy;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EnvProfileOperator.class);
  private final Operator operator;
  private final ProfileReconciler reconciler;
  private final KubernetesClient client;
  private final String identity = identity();
  private final String leaseNamespace;
  private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

  /** JOSDK's reconcile metrics (operator_sdk_*), per resource. */
  public static io.javaoperatorsdk.operator.api.monitoring.Metrics metrics(MeterRegistry registry) {
    return MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build();
  }

  public EnvProfileOperator(KubernetesClient client, OperatorOptions options, MeterRegistry registry) {
    this.client = client;
    this.leaseNamespace = !options.leaderElection() ? null
        : options.leaseNamespace() != null ? options.leaseNamespace() : podNamespace();
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .checkingCRDAndValidateLocalModel(false)
          .withMetrics(metrics(registry))
          .withStopOnInformerErrorDuringStartup(false)
          .withCacheSyncTimeout(Duration.ofMinutes(2));
      if (options.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
            .withLeaseNamespace(leaseNamespace)
            // A standby takes over within lease + one retry of the leader's death (about 11 s):
            // the goal is under 15 s; renewals every 2 s keep a slow API server from costing the lease.
            .withLeaseDuration(Duration.ofSeconds(8))
            .withRenewDeadline(Duration.ofSeconds(6))
            .withRetryPeriod(Duration.ofSeconds(2))
            .withIdentity(identity)
            // The framework's own exit on losing the Lease runs System.exit inside our shutdown
            // hook when we stop on purpose (SIGTERM): the JVM then hangs until it is killed. Exit
            // only when the Lease is lost while running, from a thread of its own.
            .withExitOnStopLeading(false)
            .withLeaderCallbacks(new io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks(
                () -> { }, this::lostLease, leader -> { }))
            .build());
      }
    });
    String operatorNamespace = options.resolvedOperatorNamespace();
    java.util.List<String> enabled = new java.util.ArrayList<>(options.enabledNamespaces());
    enabled.addAll(options.namespaces()); // a namespace the administrator lists to watch is opted in
    NamespaceGate gate = new NamespaceGate(operatorNamespace, options.namespaceOptIn(), enabled);
    PolicySource policy = options.policyFile() == null ? PolicySource.fixed(TenantPolicy.DEFAULT)
        : PolicySource.of(java.nio.file.Path.of(options.policyFile()));
    this.reconciler = new ProfileReconciler(registry, operatorNamespace,
        Duration.ofSeconds(options.engineDeadlineSeconds()), policy, gate);
    operator.register(reconciler, c -> {
      if (!options.namespaces().isEmpty()) {
        c.settingNamespaces(new HashSet<>(options.namespaces()));
      }
      // A profile in a system namespace or the operator's own is never reconciled: not even the
      // finalizer or a status is written there.
      c.withGenericFilter(p -> !gate.isProtected(p.getMetadata().getNamespace()));
      c.withReconciliationMaxInterval(Duration.ofSeconds(options.resyncSeconds()));
    });
  }

  /**
   * Host name plus a random suffix, as client-go does: the framework's default is HOSTNAME alone,
   * which two replicas outside a pod (or with host networking) share, and then both would lead.
   */
  static String identity() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "envprofile" : host) + "_" + java.util.UUID.randomUUID();
  }

  public void start() {
    operator.start();
  }

  public void stop() {
    stopping.set(true);
    operator.stop();
    reconciler.close();
    releaseLease();
  }

  private void lostLease() {
    if (!stopping.get()) {
      LOG.error("lost the leader election Lease {}/{}: exiting so that only the new leader writes", leaseNamespace,
          LEASE_NAME);
      new Thread(() -> System.exit(1), "lost-lease").start();
    }
  }

  /**
   * Gives the Lease up on a clean stop, as client-go's ReleaseOnCancel does: without it the next
   * replica (a rolling update's new pod) waits for the lease to expire before its first reconcile.
   * Only a Lease this process still holds is touched, with an update guarded by its resourceVersion.
   */
  private void releaseLease() {
    if (leaseNamespace == null) {
      return;
    }
    try {
      var lease = client.leases().inNamespace(leaseNamespace).withName(LEASE_NAME).get();
      if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setHolderIdentity("");
      lease.getSpec().setLeaseDurationSeconds(1);
      lease.getSpec().setRenewTime(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
      client.leases().inNamespace(leaseNamespace).resource(lease).update();
      LOG.info("released the leader election Lease {}/{}", leaseNamespace, LEASE_NAME);
    } catch (RuntimeException e) {
      LOG.warn("could not release the Lease {}/{} ({}); the next leader waits for it to expire", leaseNamespace,
          LEASE_NAME, e.getMessage());
    }
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
