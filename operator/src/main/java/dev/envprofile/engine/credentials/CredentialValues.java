package dev.envprofile.engine.credentials;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a value set under a credential-like name can hold a credential. Settings about a
 * credential share its words ({@code TOKEN_EXPIRY=3600}, {@code PASSWORD_AUTH=true},
 * {@code JWT_SECRET_TTL=15m}): a boolean is never a credential, and a number or a duration is not
 * one when the name says it measures something (expiry, ttl, length, timeout, ...). A plain number
 * under a plain credential name ({@code DB_PASSWORD=123456}) still is: a weak one.
 */
public final class CredentialValues {
  private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled",
      "enable", "disable", "none", "null", "nil", "~");
  private static final List<String> MEASURES = List.of("EXPIRY", "EXPIRES", "EXPIRE", "EXPIRATION", "TTL", "LENGTH",
      "LEN", "TIMEOUT", "SECONDS", "SECS", "SEC", "MS", "MILLIS", "MINUTES", "MINS", "HOURS", "DAYS", "LIFETIME",
      "AGE", "MIN", "MAX", "COUNT", "SIZE", "LIMIT", "RETRIES", "ATTEMPTS", "INTERVAL", "DURATION", "VALIDITY",
      "PERIOD", "ROTATION", "BITS", "ROUNDS", "COST", "ITERATIONS", "VERSION", "PORT", "REFRESH", "LEEWAY", "SKEW",
      "WINDOW", "DELAY", "THRESHOLD");

  private CredentialValues() {}

  /** Whether {@code value}, set under a name that {@link CredentialNames} matched, is a credential. */
  public static boolean plausible(String name, String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip();
    if (v.isEmpty() || UserInfo.isReference(v)) {
      return false;
    }
    if (v.length() <= 9 && BOOLEANS.contains(v.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !(measures(name) && isNumberOrDuration(v));
  }

  private static boolean measures(String name) {
    if (name == null) {
      return false;
    }
    String n = "_" + CredentialNames.normalize(name) + "_";
    for (String m : MEASURES) {
      if (n.contains("_" + m + "_")) {
        return true;
      }
    }
    return false;
  }

  /** 3600, 1.5, 30s, 15m, 1h30m, 7d, 500ms, PT15M. */
  static boolean isNumberOrDuration(String v) {
    int n = v.length();
    if (n > 32) {
      return false;
    }
    int i = 0;
    if (n > 2 && (v.charAt(0) == 'P' || v.charAt(0) == 'p')) {
      i = 1; // ISO-8601: P1D, PT15M
      if (v.charAt(i) == 'T' || v.charAt(i) == 't') {
        i++;
      }
    }
    boolean digits = false;
    while (i < n) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9' || c == '.' || c == '_') {
        digits |= c >= '0' && c <= '9';
        i++;
      } else if (digits && Character.isLetter(c)) {
        int start = i;
        while (i < n && Character.isLetter(v.charAt(i))) {
          i++;
        }
        if (!isUnit(v.substring(start, i).toLowerCase(Locale.ROOT))) {
          return false;
        }
      } else {
        return false;
      }
    }
    return digits;
  }

  private static boolean isUnit(String u) {
    return switch (u) {
      case "ns", "us", "ms", "s", "m", "h", "d", "w", "y", "t", "sec", "secs", "second", "seconds", "min", "mins",
          "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "k", "kb", "mb", "gb",
          "ki", "mi", "gi" -> true;
      default -> false;
    };
  }
}
