package dev.envprofile.engine.credentials;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a key or variable name names a credential (docs/rules/credentials.md, "What is a credential"): the words are compared
 * case-insensitively with camelCase, dots and dashes split into words, so {@code accessKey},
 * {@code access-key} and {@code spring.datasource.password} all match.
 */
public final class CredentialNames {
  private static final List<String> WORDS = List.of(
      "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL",
      "CREDENTIALS", "PASS", "PWD", "SECRET_KEY", "AUTH_KEY", "CLIENT_SECRET");
  /**
   * Names that point at a credential rather than hold one: a file path, a Secret's name, an URL to
   * fetch a token from. Moving those would hide nothing and surprise everyone.
   */
  private static final List<String> POINTER_SUFFIXES = List.of(
      "_FILE", "_PATH", "_DIR", "_URL", "_URI", "_ENDPOINT", "_NAME", "_REF", "_TTL", "_EXPIRY", "_EXPIRES",
      "_LENGTH", "_TYPE", "_HEADER", "_ENABLED", "_REQUIRED", "_MIN", "_MAX", "_POLICY", "_SECONDS", "_TIMEOUT",
      "_LIFETIME", "_AUDIENCE", "_ISSUER", "_ALGORITHM", "_STDIN", "_PROMPT", "_EXPIRATION", "_ROTATION");
  private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  /** The profile's patterns: RE2/J, linear in the key name whatever the pattern (they run on tenant data). */
  private final List<com.google.re2j.Pattern> extra;

  public CredentialNames(List<com.google.re2j.Pattern> extraKeyPatterns) {
    this.extra = List.copyOf(extraKeyPatterns);
  }

  /** SPRING_DATASOURCE_PASSWORD for spring.datasource.password, ACCESS_KEY for accessKey. */
  public static String normalize(String name) {
    String s = CAMEL.matcher(name).replaceAll("$1_$2");
    return NON_WORD.matcher(s).replaceAll("_").toUpperCase(Locale.ROOT);
  }

  /** Names repeat across containers and ConfigMaps: each is judged once per promotion. */
  private final java.util.Map<String, Boolean> seen = new java.util.HashMap<>();

  public boolean matches(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    Boolean known = seen.get(name);
    if (known == null) {
      known = judge(name);
      seen.put(name, known);
    }
    return known;
  }

  private boolean judge(String name) {
    for (com.google.re2j.Pattern p : extra) {
      if (p.matcher(name).find()) {
        return true;
      }
    }
    return isCredentialName(name);
  }

  /**
   * The built-in words only (no extraKeyPatterns, no cache): for names inside values, such as URL
   * query parameters and command-line flags. Names longer than 200 characters are not names.
   */
  public static boolean isCredentialName(String name) {
    if (name == null || name.isEmpty() || name.length() > 200) {
      return false;
    }
    String norm = normalize(name);
    if (norm.equals("PWD") || norm.equals("OLDPWD")) {
      return false; // the shell's working directory
    }
    String n = "_" + norm + "_";
    for (String suffix : POINTER_SUFFIXES) {
      if (n.endsWith(suffix + "_")) {
        return false;
      }
    }
    for (String w : WORDS) {
      if (n.contains("_" + w + "_")) {
        return true;
      }
    }
    // PGPASSWORD, MYSQLPASSWORD, DBPASS: a word glued to a prefix.
    String compact = n.replace("_", "");
    return compact.endsWith("PASSWORD") || compact.endsWith("PASSWD") || compact.endsWith("APIKEY")
        || compact.endsWith("SECRET") || compact.endsWith("TOKEN");
  }
}
