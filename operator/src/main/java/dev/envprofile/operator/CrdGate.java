package dev.envprofile.operator;

import dev.envprofile.api.EnvironmentProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
        case 0 -> "cannot reach the API server at " + client.getMasterUrl();
        default -> "cannot list EnvironmentProfiles: HTTP " + e.getCode();
      };
    }
  }
}
