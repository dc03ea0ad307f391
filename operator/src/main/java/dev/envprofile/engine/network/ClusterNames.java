package dev.envprofile.engine.network;

import java.util.Set;
import java.util.function.Predicate;

/**
 * What a host name means inside the cluster: a Service of this namespace (`redis`, `redis.shop`),
 * a pod of a headless Service (`redis-0.redis-headless`, `kafka-0.kafka.shop.svc`), a Service of
 * another namespace (`zipkin.tracing.svc.cluster.local`), or a name outside. A two-label name whose
 * second label is neither this namespace nor a public suffix (`zipkin.tracing`) is read both ways:
 * the short form of another namespace's Service, and an outside host, so that either keeps working.
 */
public final class ClusterNames {
  /** The Service a name resolves to, its namespace, and whether it may also be a host outside. */
  public record Target(String service, String namespace, boolean maybeOutside) {}

  /** Last labels of public names that are never a namespace. */
  private static final Set<String> PUBLIC = Set.of("com", "net", "org", "io", "dev", "app", "cloud", "co", "ai",
      "info", "biz", "me", "us", "uk", "de", "fr", "eu", "nl", "jp", "cn", "in", "ru", "br", "au", "ca", "ch", "se",
      "local", "internal", "localhost", "example", "test", "invalid", "lan", "home", "corp", "aws", "azure", "gcp");

  private ClusterNames() {}

  /**
   * @param serviceHere whether this namespace has a Service of that name
   * @return the target, or null for a name outside the cluster
   */
  public static Target resolve(String host, String namespace, Predicate<String> serviceHere) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    int svc = h.indexOf(".svc.");
    boolean clusterForm = h.endsWith(".svc") || svc > 0;
    if (svc > 0) {
      h = h.substring(0, svc);
    } else if (h.endsWith(".svc")) {
      h = h.substring(0, h.length() - ".svc".length());
    }
    String[] l = h.split("\\.", -1);
    if (clusterForm) {
      return switch (l.length) {
        case 1 -> new Target(l[0], namespace, false);
        case 2 -> new Target(l[0], l[1], false);
        case 3 -> new Target(l[1], l[2], false); // pod.service.namespace.svc
        default -> null;
      };
    }
    if (l.length == 1) {
      return new Target(l[0], namespace, false);
    }
    if (l.length == 2) {
      if (l[1].equals(namespace)) {
        return new Target(l[0], namespace, false);
      }
      if (serviceHere.test(l[1])) {
        return new Target(l[1], namespace, false); // pod.headless-service
      }
      if (!PUBLIC.contains(l[1]) && isLabel(l[1]) && !serviceHere.test(l[0])) {
        return new Target(l[0], l[1], true);
      }
      return null;
    }
    if (l.length == 3 && l[2].equals(namespace) && serviceHere.test(l[1])) {
      return new Target(l[1], namespace, false); // pod.service.namespace
    }
    return null;
  }

  private static boolean isLabel(String s) {
    if (s.isEmpty() || s.length() > 63) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return s.charAt(0) != '-' && s.charAt(s.length() - 1) != '-' && !s.chars().allMatch(Character::isDigit);
  }
}
