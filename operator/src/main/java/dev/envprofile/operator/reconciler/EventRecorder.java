package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on the profile, for every rewrite and for invalid input. Messages come from
 * the engine's changes and the applier, which hold names, never values. A failed Event is logged,
 * never fatal.
 */
final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private final KubernetesClient client;
  private final Clock clock;

  EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void normal(EnvironmentProfile p, String reason, String message) {
    record(p, "Normal", reason, message);
  }

  void warning(EnvironmentProfile p, String reason, String message) {
    record(p, "Warning", reason, message);
  }

  private void record(EnvironmentProfile p, String type, String reason, String message) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    String name = p.getMetadata().getName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        .toLowerCase(Locale.ROOT);
    try {
      client.v1().events().inNamespace(p.getMetadata().getNamespace()).resource(new EventBuilder()
          .withNewMetadata().withName(name).withNamespace(p.getMetadata().getNamespace()).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(EnvironmentProfile.API_VERSION)
              .withKind("EnvironmentProfile").withName(p.getMetadata().getName())
              .withNamespace(p.getMetadata().getNamespace()).withUid(p.getMetadata().getUid()).build())
          .withType(type).withReason(reason).withMessage(truncate(message))
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent("envprofile-operator").endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      if (terminating(e)) {
        // The namespace is going away with the profile: nobody will read the Event.
        LOG.debug("no event {} on {}/{}: namespace is terminating", reason, p.getMetadata().getNamespace(),
            p.getMetadata().getName());
      } else {
        LOG.warn("cannot record event {} on {}/{}: HTTP {}", reason, p.getMetadata().getNamespace(),
            p.getMetadata().getName(), e.getCode());
      }
    }
  }

  private static boolean terminating(KubernetesClientException e) {
    return e.getCode() == 403 && e.getStatus() != null && e.getStatus().getMessage() != null
        && e.getStatus().getMessage().contains("is being terminated");
  }

  private static String truncate(String m) {
    return m.length() > 1000 ? m.substring(0, 997) + "..." : m;
  }
}
