package dev.envprofile.operator;

import dev.envprofile.api.EnvironmentProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the start until the operator can list EnvironmentProfiles: without the CRD (or with RBAC
 * that denies it) the informers would retry forever, logging a stack trace each time. Instead one
 * line says what is missing, and the process stays up, not ready, until it appears.
 */
final class CrdGate {
  private static final Logger LOG = LoggerFactory.getLogger(CrdGate.class);
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration REPEAT = Duration.ofSeconds(60);

  private CrdGate() {}

  static void await(KubernetesClient client, List<String> namespaces) throws InterruptedException {
    long lastWarning = 0;
    while (true) {
      String problem = problem(client, namespaces);
      if (problem == null) {
        return;
      }
      long now = System.nanoTime();
      if (lastWarning == 0 || now - lastWarning >= REPEAT.toNanos()) {
        LOG.warn("waiting: {}", problem);
        lastWarning = now;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Why profiles cannot be listed, in one line; null when they can. */
  static String problem(KubernetesClient client, List<String> namespaces) {
    try {
      var profiles = client.resources(EnvironmentProfile.class);
      var one = new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build();
      if (namespaces.isEmpty()) {
        profiles.inAnyNamespace().list(one);
      } else {
        for (String ns : namespaces) {
          profiles.inNamespace(ns).list(one);
        }
      }
      return null;
    } catch (KubernetesClientException e) {
      return switch (e.getCode()) {
        case 404 -> "the EnvironmentProfile CRD is not installed (kubectl apply --server-side -f "
            + "crds/environmentprofiles.envprofile.dev-v1.yaml)";
        case 401, 403 -> "not allowed to list EnvironmentProfiles (HTTP " + e.getCode()
            + "): check the operator's ServiceAccount and RBAC";
        default -> e.getCode() > 0 ? "cannot list EnvironmentProfiles: HTTP " + e.getCode() + " from " + apiServer(client)
            : "cannot reach " + apiServer(client) + ": " + rootCause(e);
      };
    }
  }

  /**
   * The API server tried and where its address came from: a kubeconfig file, the pod's
   * ServiceAccount, or neither (then the client's default address is no cluster at all).
   */
  static String apiServer(KubernetesClient client) {
    var config = client.getConfiguration();
    java.io.File file = config.getFile();
    String source;
    if (file != null) {
      source = "kubeconfig " + file.getAbsolutePath();
    } else if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
      source = "in-cluster ServiceAccount";
    } else {
      String env = System.getenv("KUBECONFIG");
      source = "no kubeconfig found: " + (env == null || env.isBlank()
          ? "KUBECONFIG is not set and " + Path.of(System.getProperty("user.home"), ".kube", "config") + " does not exist"
          : "KUBECONFIG=" + env + " names no readable file") + "; set KUBECONFIG";
    }
    return "the API server at " + config.getMasterUrl() + " (" + source + ")";
  }

  /**
   * The innermost cause that says something: the client wraps "Connection refused" in "An error
   * has occurred.", and some causes below it have no message at all.
   */
  static String rootCause(Throwable e) {
    String said = null;
    Throwable deepest = e;
    Throwable c = e;
    for (int depth = 0; c != null && depth < 10; depth++, c = c.getCause() == c ? null : c.getCause()) {
      deepest = c;
      String m = c.getMessage();
      if (m != null && !m.isBlank() && !(c instanceof KubernetesClientException)) {
        said = c.getClass().getSimpleName() + ": " + m.lines().findFirst().orElse(m);
      }
    }
    if (said != null) {
      return said;
    }
    // The JDK's HTTP client reports a refused connection as a closed channel, without a message.
    return deepest instanceof java.nio.channels.ClosedChannelException || deepest instanceof java.net.ConnectException
        ? "the connection was refused or closed (is the API server running?)"
        : "no answer (" + deepest.getClass().getSimpleName() + ")";
  }
}
