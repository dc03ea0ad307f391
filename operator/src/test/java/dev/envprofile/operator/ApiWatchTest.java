package dev.envprofile.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A running operator that loses its API server says so once a minute, with what it tried. */
class ApiWatchTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aLostApiServerIsNamedOnceAMinuteAndItsReturnOnce() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:" + closed)
        .withRequestRetryBackoffLimit(0).build();
    AtomicBoolean ready = new AtomicBoolean(true);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
         ApiWatch watch = new ApiWatch(client, List.of(), ready::get)) {
      assertThat(watch.check(1 * SECOND)).isNull();
      ready.set(false);
      assertThat(watch.check(2 * SECOND)).as("a blip is not worth a line").isNull();
      assertThat(watch.check(20 * SECOND)).isNull();
      assertThat(watch.check(40 * SECOND)).isEqualTo("not ready for 38 s: cannot reach the API server at https://127.0.0.1:"
          + closed + "/ (" + CrdGate.apiServer(client).split(" \\(", 2)[1]
          + ": the connection was refused or closed (is the API server running?)");
      assertThat(watch.check(70 * SECOND)).as("repeats at a steady interval, not on every poll").isNull();
      assertThat(watch.check(100 * SECOND)).startsWith("not ready for 98 s: cannot reach the API server");
      ready.set(true);
      assertThat(watch.check(105 * SECOND)).isEqualTo("ready again");
      assertThat(watch.check(110 * SECOND)).isNull();
    }
  }

  @Test
  void aConfigWithoutKubeconfigSaysSoAndHowToGiveOne() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://kubernetes.default.svc").build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      String where = CrdGate.apiServer(client);
      assertThat(where).startsWith("the API server at https://kubernetes.default.svc/ (");
      if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
        assertThat(where).contains("no kubeconfig found: ").endsWith("; set KUBECONFIG)");
      }
    }
  }
}
