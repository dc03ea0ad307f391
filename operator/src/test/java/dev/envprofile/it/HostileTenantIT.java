package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.it.support.*;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 3 and 5, against the operator as the image runs it (a process of its own, probes
 * and metrics on their own ports): a tenant's hostile values and patterns cannot hang a reconcile,
 * and slow clients on the metrics port cannot starve the liveness probe, while another namespace's
 * promotion completes.
 */
class HostileTenantIT extends ClusterTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void hostileValuesAndSlowClientsNeitherHangNorStarveTheOperator() throws Exception {
    String tenant = namespace;
    String other = namespace + "-b";
    client.namespaces().resource(enabledNamespace(other)).create();
    int metrics = freePort();
    int probes = freePort();
    Process operator = OperatorProcess.start(cluster.kubeconfig(), tenant + "-hostile", Map.of(),
        "--no-leader-election", "--namespaces=" + tenant + "," + other, "--http-port=" + metrics,
        "--probe-port=" + probes);
    List<Socket> slow = new ArrayList<>();
    try {
      // Item 3: values that took minutes in the scanners, or overflowed the stack, and a pattern
      // that backtracks catastrophically on the tenant's key names.
      applyAsUser(load("""
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: hostile}
          data:
            URLS: "%s"
            HOSTS: "%s"
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-: "x"
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
          spec:
            replicas: 1
            selector: {matchLabels: {app: api}}
            template:
              metadata: {labels: {app: api}}
              spec:
                containers:
                - name: api
                  image: example/api:1.0
                  ports: [{containerPort: 8080}]
                  envFrom: [{configMapRef: {name: hostile}}]
          """.formatted("a".repeat(50_000) + "://", "a.".repeat(5_000))));
      EnvironmentProfile hostile = profile("hostile", "tier: staging\nsecrets: {extraKeyPatterns: [\"(a+)+$\"]}");
      applyAsUser(List.of(hostile));

      // Item 5: slow clients hold the metrics port's workers; the probe port answers regardless.
      awaitListening(probes);
      for (int i = 0; i < 12; i++) {
        slow.add(slowClient(metrics));
      }
      namespace = other;
      applyAsUser(sample("shop"));
      EnvironmentProfile shop = sampleProfileOnTestStorage("shop", "production-secret");
      applyAsUser(List.of(shop));
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> health = get(probes, "/healthz");
        assertThat(health.statusCode()).as("liveness while slow clients hold the metrics port").isEqualTo(200);
        Thread.sleep(500);
      }
      waitForPhase(shop.getMetadata().getName(), Phase.Promoted);
      namespace = tenant;
      waitForPhase("hostile", Phase.Promoted);
      assertThat(operator.isAlive()).as("the operator is still running; see " + OperatorProcess.log(tenant + "-hostile"))
          .isTrue();
    } finally {
      namespace = tenant;
      for (Socket s : slow) {
        s.close();
      }
      operator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      client.namespaces().withName(other).delete();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Half a request, then nothing: a worker waits for the rest until the server's timeout. */
  private static Socket slowClient(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private static void awaitListening(int port) {
    eventually().atMost(Duration.ofSeconds(60)).until(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
