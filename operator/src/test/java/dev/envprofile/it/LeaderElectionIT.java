package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.it.support.*;
import dev.envprofile.operator.EnvProfileOperator;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two operator replicas with leader election, each with its own identity so that the audit log
 * tells their writes apart: only the leader writes; when it is killed the other takes the Lease
 * within 15 seconds and carries on; their writes never overlap in time.
 */
class LeaderElectionIT extends ClusterTest {

  @Test
  void theStandbyTakesOverWithin15SecondsAndNeverWritesAlongsideTheLeader() throws Exception {
    Chart.install(cluster);
    client.leases().inNamespace(Chart.NAMESPACE).withName(EnvProfileOperator.LEASE_NAME).delete();
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    AuditLog audit = cluster.auditLog();
    long mark = audit.mark();

    Path saConfig = Chart.kubeconfig(cluster, OperatorProcess.log(namespace + "-sa-kubeconfig").resolveSibling(namespace + ".kubeconfig"));
    Map<String, Path> configs = Map.of(
        "envprofile-operator", cluster.kubeconfig().resolveSibling("operator.kubeconfig"),
        Chart.USER, saConfig);
    Process first = replica(configs.get("envprofile-operator"), "first");
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> holder() != null);
    Process second = replica(saConfig, "second");
    try {
      applyAsUser(List.of(profile));
      waitForPhase(profile.getMetadata().getName(), Phase.Promoted);

      List<String> writers = audit.since(mark).stream()
          .filter(e -> namespace.equals(e.namespace()) && configs.containsKey(e.user())).map(AuditLog.Entry::user).distinct().toList();
      assertThat(writers).as("replicas that wrote to the namespace").containsExactly("envprofile-operator");

      String before = holder();
      Instant killed = Instant.now();
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> holder() != null && !before.equals(holder()));
      Duration takeover = Duration.between(killed, Instant.now());
      assertThat(takeover).as("time for the standby to take the Lease").isLessThanOrEqualTo(Duration.ofSeconds(15));

      // The new leader carries on: drift is restored by it.
      client.apps().deployments().inNamespace(namespace).withName("api").scale(1);
      eventually().untilAsserted(() ->
          assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas()).isEqualTo(3));

      List<AuditLog.Entry> writes = audit.since(mark).stream()
          .filter(e -> namespace.equals(e.namespace()) && configs.containsKey(e.user())).toList();
      Instant lastOfFirst = writes.stream().filter(e -> e.user().equals("envprofile-operator")).map(AuditLog.Entry::at)
          .max(Instant::compareTo).orElseThrow();
      Instant firstOfSecond = writes.stream().filter(e -> e.user().equals(Chart.USER)).map(AuditLog.Entry::at)
          .min(Instant::compareTo).orElseThrow(() -> new AssertionError("the new leader wrote nothing"));
      assertThat(lastOfFirst).as("the killed leader's last write").isBefore(firstOfSecond);
      assertThat(firstOfSecond).as("the standby's first write").isAfter(killed);
      System.out.printf("leader election: takeover %d ms after the kill%n", takeover.toMillis());
    } finally {
      first.destroyForcibly();
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLeaderStoppedOnPurposeExitsAtOnceAndHandsTheLeaseOver() throws Exception {
    Chart.install(cluster);
    client.leases().inNamespace(Chart.NAMESPACE).withName(EnvProfileOperator.LEASE_NAME).delete();
    Path config = cluster.kubeconfig().resolveSibling("operator.kubeconfig");
    Process first = replica(config, "stopped");
    Process second = null;
    try {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> holder() != null && !holder().isEmpty());
      String before = holder();
      Instant stopped = Instant.now();
      first.destroy(); // SIGTERM, as the kubelet sends it
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("the operator exits within 10 s of SIGTERM").isTrue();
      assertThat(holder()).as("the Lease is released on the way out").isEmpty();
      second = replica(config, "next");
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> holder() != null && !holder().isEmpty() && !before.equals(holder()));
      System.out.printf("leader election: stopped leader exited and the next one led %d ms after SIGTERM%n",
          Duration.between(stopped, Instant.now()).toMillis());
    } finally {
      first.destroyForcibly();
      if (second != null) {
        second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process replica(Path kubeconfig, String name) throws java.io.IOException {
    return OperatorProcess.start(kubeconfig, namespace + "-" + name, Map.of(), "--leader-election",
        "--lease-namespace=" + Chart.NAMESPACE, "--namespaces=" + namespace);
  }

  private static String holder() {
    Lease l = client.leases().inNamespace(Chart.NAMESPACE).withName(EnvProfileOperator.LEASE_NAME).get();
    return l == null || l.getSpec() == null ? null : l.getSpec().getHolderIdentity();
  }
}
