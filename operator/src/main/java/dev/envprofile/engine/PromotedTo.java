package dev.envprofile.engine;

import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The one reader and writer of {@link Labels#PROMOTED_TO} ("StatefulSet/name" on a Deployment
 * whose pods moved). Anyone who can edit the Deployment can edit the annotation, so a value that
 * is not a StatefulSet and a DNS name reads as absent.
 */
public record PromotedTo(String statefulSet) {
  private static final String PREFIX = "StatefulSet/";

  /** The annotation of {@code o}, or null when it has none or an unusable one. */
  public static PromotedTo of(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(Labels.PROMOTED_TO);
    if (v == null || !v.startsWith(PREFIX)) {
      return null;
    }
    String name = v.substring(PREFIX.length());
    return Names.isDnsSubdomain(name) ? new PromotedTo(name) : null;
  }

  /** Whether {@code o} carries the annotation at all, usable or not (what a Revert removes). */
  public static boolean present(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a != null && a.containsKey(Labels.PROMOTED_TO);
  }

  /**
   * The replicas a cutover Deployment had ({@link Labels#ORIGINAL_REPLICAS}); anyone who can edit
   * the Deployment can edit it, so a value that is not a small count reads as 1 (never an exception
   * on every reconcile).
   */
  public static int originalReplicas(String annotation) {
    if (annotation == null || annotation.isEmpty() || annotation.length() > 4
        || !annotation.chars().allMatch(Character::isDigit)) {
      return 1;
    }
    return Integer.parseInt(annotation);
  }

  public String value() {
    return PREFIX + statefulSet;
  }

  public ObjectRef ref(String namespace) {
    return new ObjectRef("StatefulSet", namespace, statefulSet);
  }
}
