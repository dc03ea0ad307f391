package dev.envprofile.engine.storage;

import java.util.Locale;

/**
 * A container image reference split the way registries read it:
 * {@code [registry/]repository[:tag][@digest]}. The first path component is a registry when it has
 * a dot or a port or is {@code localhost}; Docker Hub's {@code library/} prefix is dropped.
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
  public static ImageRef parse(String image) {
    String s = image == null ? "" : image.strip();
    String digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String registry = null;
    int slash = s.indexOf('/');
    if (slash > 0) {
      String first = s.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        s = s.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    if (s.startsWith("library/")) {
      s = s.substring("library/".length());
    }
    return new ImageRef(registry, s.toLowerCase(Locale.ROOT), tag, digest);
  }

  /** The last path component: "postgres" for "bitnami/postgresql" is "postgresql". */
  public String name() {
    int i = repository.lastIndexOf('/');
    return i < 0 ? repository : repository.substring(i + 1);
  }

  /** The repository's namespace on its registry ("bitnami"), or "" for official images. */
  public String owner() {
    int i = repository.lastIndexOf('/');
    return i < 0 ? "" : repository.substring(0, i);
  }

  /** The registry's host without its port, or null for Docker Hub. */
  public String registryHost() {
    if (registry == null) {
      return null;
    }
    int c = registry.lastIndexOf(':');
    return c > 0 && !registry.endsWith("]") ? registry.substring(0, c) : registry;
  }
}
