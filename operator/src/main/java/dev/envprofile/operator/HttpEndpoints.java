package dev.envprofile.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * /healthz (the process is up) and /readyz (informers synced and healthy) on the probe port;
 * /metrics (Prometheus) on the metrics port. Each port has its own server and a small worker pool,
 * so a slow or stuck scrape can never make the kubelet's probe wait (one slow client used to hold
 * the single thread of both, fail the liveness probe and restart the operator). Requests that do
 * not arrive or are not read within {@link #REQUEST_SECONDS} are closed by the server.
 */
final class HttpEndpoints implements AutoCloseable {
  static final int REQUEST_SECONDS = 5;
  private static final int WORKERS = 4;

  static {
    // The JDK server's own timers: a request must arrive, and its response be taken, in time.
    // Read once, when the first server starts; an explicit -D setting wins.
    setDefault("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
    setDefault("sun.net.httpserver.maxRspTime", String.valueOf(REQUEST_SECONDS));
    setDefault("sun.net.httpserver.timerMillis", "500");
    setDefault("sun.net.httpserver.maxReqHeaders", "50");
  }

  private final HttpServer probes;
  private final HttpServer metrics;

  /**
   * Serves the probes on {@code probePort} and the metrics on {@code metricsPort}; with a negative
   * probe port one server serves all three. Port 0 takes a free port (tests).
   */
  HttpEndpoints(int metricsPort, int probePort, BooleanSupplier ready, PrometheusMeterRegistry registry)
      throws IOException {
    metrics = server(metricsPort, "metrics", "--http-port");
    metrics.createContext("/metrics", ex -> reply(ex, 200, registry.scrape(), "text/plain; version=0.0.4"));
    try {
      probes = probePort < 0 ? metrics : server(probePort, "probes", "--probe-port");
    } catch (IOException e) {
      // Started, then stopped: only the server's own dispatcher really releases the port it bound.
      metrics.start();
      metrics.stop(0);
      ((ThreadPoolExecutor) metrics.getExecutor()).shutdownNow();
      throw e;
    }
    probes.createContext("/healthz", ex -> reply(ex, 200, "ok\n", "text/plain"));
    probes.createContext("/readyz", ex -> {
      boolean ok = ready.getAsBoolean();
      reply(ex, ok ? 200 : 503, ok ? "ok\n" : "not ready\n", "text/plain");
    });
    metrics.start();
    if (probes != metrics) {
      probes.start();
    }
  }

  /**
   * A server on {@code port}; a port another process holds fails with one line that names the
   * port and the {@code flag} that chose it (the JDK says only "Address already in use").
   */
  private static HttpServer server(int port, String name, String flag) throws IOException {
    HttpServer s;
    try {
      s = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (BindException e) {
      throw new BindException("port " + port + " (" + flag + ") is already in use: another process holds it "
          + "(an operator started earlier?); stop it or choose another port with " + flag);
    }
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(64), r -> {
          Thread t = new Thread(r, "http-" + name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    s.setExecutor(pool);
    return s;
  }

  int port() {
    return metrics.getAddress().getPort();
  }

  int probePort() {
    return probes.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int code, String body, String type) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  @Override
  public void close() {
    metrics.stop(0);
    ((ThreadPoolExecutor) metrics.getExecutor()).shutdownNow();
    if (probes != metrics) {
      probes.stop(0);
      ((ThreadPoolExecutor) probes.getExecutor()).shutdownNow();
    }
  }
}
