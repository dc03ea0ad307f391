package dev.envprofile.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow clients (a scrape that never finishes its request) cannot make the probes wait. */
class HttpEndpointsTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  @Test
  void aTakenPortIsNamedWithItsFlagInOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpEndpoints(taken.getLocalPort(), -1, () -> true, registry))
          .isInstanceOf(java.net.BindException.class)
          .hasMessage("port " + taken.getLocalPort() + " (--http-port) is already in use: another process holds it "
              + "(an operator started earlier?); stop it or choose another port with --http-port");
      // The probe port taken: the metrics port bound first is given back, so a retry can have it.
      int free;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        free = s.getLocalPort();
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpEndpoints(free, taken.getLocalPort(), () -> true, registry))
          .hasMessageStartingWith("port " + taken.getLocalPort() + " (--probe-port) is already in use");
      try (HttpEndpoints again = new HttpEndpoints(free, -1, () -> true, registry)) {
        assertThat(again.port()).isEqualTo(free);
      }
    }
  }

  @Test
  void healthzAnswersWhileSlowClientsHoldTheMetricsPort() throws Exception {
    try (HttpEndpoints endpoints = new HttpEndpoints(0, 0, () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 12; i++) { // 3x the workers, within the accept backlog of 16
          slow.add(slowClient(endpoints.port()));
        }
        long start = System.nanoTime();
        HttpResponse<String> r = get(endpoints.probePort(), "/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        // Well under the chart's probe timeout, and far from the 5 s the slow clients hold a worker.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(get(endpoints.probePort(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(endpoints.probePort(), "/metrics").statusCode()).as("metrics are not on the probe port").isEqualTo(404);
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void aSlowClientOnTheProbePortLeavesRoomForTheKubeletAndIsCutOff() throws Exception {
    try (HttpEndpoints endpoints = new HttpEndpoints(0, 0, () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      try (Socket a = slowClient(endpoints.probePort()); Socket b = slowClient(endpoints.probePort())) {
        long start = System.nanoTime();
        assertThat(get(endpoints.probePort(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3)); // not queued behind the 5 s request timeout
        // The server closes a request that does not arrive in time: the slow client reads end of stream.
        a.setSoTimeout((HttpEndpoints.REQUEST_SECONDS + 5) * 1000);
        start = System.nanoTime();
        InputStream in = a.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(HttpEndpoints.REQUEST_SECONDS + 3));
      }
    }
  }

  /** Connects and sends half a request line, then nothing. */
  private static Socket slowClient(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000); // a busy CI machine accepts slowly
    s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
