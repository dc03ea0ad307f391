package dev.envprofile.engine.images;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.storage.ImageRef;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Image rules: pinned tags, dev registries, registry rewrites. */
public final class Images {
  private static final Set<String> MOVING_TAGS = Set.of("latest", "dev", "develop", "development", "main", "master",
      "edge", "nightly", "canary", "unstable", "snapshot", "head", "trunk");
  private static final Set<String> DEV_REGISTRIES = Set.of("localhost", "host.docker.internal", "host.minikube.internal",
      "kind-registry", "registry", "minikube", "docker.local", "registry.local", "0.0.0.0");

  private Images() {}

  /** Why the tag is not pinned, or null when it is (a digest, or a fixed tag). */
  public static String unpinned(String image) {
    ImageRef r = ImageRef.parse(image);
    if (r.digest() != null) {
      return null;
    }
    if (r.tag() == null || r.tag().isEmpty()) {
      return "no tag (means :latest)";
    }
    String t = r.tag().toLowerCase(Locale.ROOT);
    return MOVING_TAGS.contains(t) ? "moving tag :" + r.tag() : null;
  }

  /** Whether the image comes from a registry that only exists on a developer's machine. */
  public static boolean devRegistry(String image) {
    ImageRef r = ImageRef.parse(image);
    String host = r.registryHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return DEV_REGISTRIES.contains(h) || h.startsWith("127.") || h.endsWith(".local") || h.endsWith(".localhost")
        || h.endsWith(".test") || h.endsWith(".internal") && !h.endsWith(".svc.cluster.local");
  }

  /** The image with the first matching registry rewrite applied, or the image itself. */
  public static String rewrite(String image, List<Settings.RegistryRewrite> rewrites) {
    if (image == null) {
      return null;
    }
    for (Settings.RegistryRewrite rw : rewrites) {
      if (image.startsWith(rw.from() + "/")) {
        return rw.to() + image.substring(rw.from().length());
      }
    }
    return image;
  }
}
