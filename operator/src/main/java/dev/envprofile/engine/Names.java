package dev.envprofile.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Generated names that fit Kubernetes' limits: a name that would be too long keeps a readable
 * prefix and gets a short hash of the full name, so it stays unique and stable.
 */
public final class Names {
  /** DNS label: Services, and the names of most things that become hostnames. */
  public static final int DNS_LABEL = 63;
  /** DNS subdomain: Secrets, ConfigMaps, NetworkPolicies, PodDisruptionBudgets. */
  public static final int DNS_SUBDOMAIN = 253;
  /** A StatefulSet's pods carry controller-revision-hash = name + "-" + 10-char hash, a 63-char label value. */
  public static final int STATEFULSET = 52;

  private Names() {}

  public static String fit(String base, String suffix, int max) {
    String full = base + suffix;
    if (full.length() <= max) {
      return full;
    }
    String hash = hash(full).substring(0, 6);
    int keep = Math.max(1, max - suffix.length() - hash.length() - 1);
    String prefix = base.substring(0, Math.min(keep, base.length()));
    while (prefix.endsWith("-") || prefix.endsWith(".")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix + "-" + hash + suffix;
  }

  public static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code s} is a DNS subdomain (RFC 1123, as object names are): checked by hand, linear. */
  public static boolean isDnsSubdomain(String s) {
    if (s == null || s.isEmpty() || s.length() > DNS_SUBDOMAIN) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      boolean edge = i == 0 || i == s.length() - 1;
      if (!alnum && (edge || (c != '-' && c != '.'))) {
        return false;
      }
    }
    return true;
  }
}
