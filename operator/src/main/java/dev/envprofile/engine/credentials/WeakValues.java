package dev.envprofile.engine.credentials;

import java.util.Locale;
import java.util.Set;

/** Well-known dev defaults that production must not reuse (docs/rules/credentials.md, "Weak credentials"). */
public final class WeakValues {
  private static final Set<String> KNOWN = Set.of(
      "postgres", "postgresql", "password", "passw0rd", "p@ssw0rd", "p@ssword", "password1", "password123",
      "admin", "administrator", "admin123", "changeme", "change-me", "change_me", "changeit", "minioadmin",
      "minio123", "root", "toor", "secret", "supersecret", "mysecret", "mysecretpassword", "test", "testing",
      "guest", "pass", "pass123", "123456", "12345678", "1234", "qwerty", "letmein", "example", "default",
      "dev", "local", "demo", "sample", "rabbitmq", "redis", "mysql", "mongo", "mongodb", "elastic",
      "vault", "root-token", "myroot", "foobar", "foo", "bar", "xxx", "todo", "replaceme", "replace-me", "none");

  private WeakValues() {}

  /** Whether the value is a known dev default; {@code user} (may be null) is a user name next to it. */
  public static boolean isWeak(String value, String user) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return true;
    }
    if (KNOWN.contains(v)) {
      return true;
    }
    if (v.startsWith("dev-") || v.startsWith("dev_") || v.endsWith("-dev") || v.endsWith("_dev")
        || v.startsWith("test-") || v.endsWith("-test") || v.startsWith("local-") || v.endsWith("-local")) {
      return true;
    }
    return user != null && !user.isEmpty() && v.equals(user.strip().toLowerCase(Locale.ROOT));
  }
}
