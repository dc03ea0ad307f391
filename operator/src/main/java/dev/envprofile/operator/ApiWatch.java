package dev.envprofile.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once a minute, why a running operator is not ready: a lost API server used to show only
 * as silence (the client retries without a word). Costs no request while the operator is ready;
 * while it is not, one list of at most one profile per warning, through {@link CrdGate#problem}.
 */
final class ApiWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiWatch.class);
  static final Duration POLL = Duration.ofSeconds(5);
  static final Duration REPEAT = Duration.ofSeconds(60);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "api-watch");
    t.setDaemon(true);
    return t;
  });
  private final BooleanSupplier ready;
  private final KubernetesClient client;
  private final List<String> namespaces;
  private long notReadySince;
  private long lastWarning;
  private boolean warned;

  ApiWatch(KubernetesClient client, List<String> namespaces, BooleanSupplier ready) {
    this.client = client;
    this.namespaces = namespaces;
    this.ready = ready;
  }

  void start() {
    timer.scheduleWithFixedDelay(() -> check(System.nanoTime()), POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One look; {@code now} in nanoseconds. Returns the line logged, or null (for tests). */
  String check(long now) {
    try {
      if (ready.getAsBoolean()) {
        notReadySince = 0;
        if (warned) {
          warned = false;
          LOG.info("ready again: {} answers", CrdGate.apiServer(client));
          return "ready again";
        }
        return null;
      }
      if (notReadySince == 0) {
        notReadySince = now; // a short blip (a watch reconnecting) is not worth a line
        return null;
      }
      if (now - notReadySince < REPEAT.toNanos() / 2 || (warned && now - lastWarning < REPEAT.toNanos())) {
        return null;
      }
      String problem = CrdGate.problem(client, namespaces);
      String line = "not ready for " + Duration.ofNanos(now - notReadySince).toSeconds() + " s: "
          + (problem != null ? problem : "the API server answers; the informers are catching up");
      LOG.warn(line);
      warned = true;
      lastWarning = now;
      return line;
    } catch (RuntimeException e) {
      LOG.warn("not ready: {}", CrdGate.rootCause(e));
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
