package dev.envprofile.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** `envprofile run`: the operator as a process, until SIGTERM. */
public final class OperatorMain {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

  private OperatorMain() {}

  public static int run(OperatorOptions options) {
    LogSetup.configure(options.logLevel(), options.logFormat());
    PrometheusMeterRegistry registry = registry();
    io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.autoConfigure(null);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientFactory(new ChaChaFirstHttpClientFactory(config)).build();
    EnvProfileOperator operator = new EnvProfileOperator(client, options, registry);
    CountDownLatch stopped = new CountDownLatch(1);
    try (HttpEndpoints http = options.httpPort() > 0
        ? new HttpEndpoints(options.httpPort(), options.probePort() > 0 && options.probePort() != options.httpPort() ? options.probePort() : -1,
            operator::ready, registry) : null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        operator.stop();
        stopped.countDown();
      }, "shutdown"));
      // Where start-up goes (docs/performance.md): the JVM's uptime at each step.
      long jvmMs = uptimeMs();
      LOG.info("envprofile operator starting: {}", CrdGate.apiServer(client));
      CrdGate.await(client, options.namespaces());
      long crdMs = uptimeMs();
      operator.start();
      LOG.info("envprofile operator started (namespaces: {}, leader election: {}; JVM uptime: {} ms to the client, "
              + "{} ms after the CRD check, {} ms with the informers synced)",
          options.namespaces().isEmpty() ? "all" : options.namespaces(), options.leaderElection(), jvmMs, crdMs, uptimeMs());
      try (ApiWatch watch = new ApiWatch(client, options.namespaces(), operator::ready)) {
        watch.start();
        stopped.await();
      }
      return 0;
    } catch (Exception e) {
      LOG.error("envprofile operator failed to start: {}", causes(e));
      return 1;
    }
  }

  /** The registry /metrics serves, with the JVM's meters (the chart's alerts and dashboard name its series). */
  public static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Heap, GC, threads and CPU next to the reconcile metrics: what sizing the pod needs.
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
    return registry;
  }

  private static long uptimeMs() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /** The message and its causes' on one line: JOSDK wraps the reason (a 403, a missing CRD) in "Error starting operator". */
  static String causes(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null && !out.toString().contains(c.getMessage())) {
        out.append(": ").append(c.getMessage().lines().findFirst().orElse(""));
      }
    }
    return out.toString();
  }
}
