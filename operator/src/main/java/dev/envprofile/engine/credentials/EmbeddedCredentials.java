package dev.envprofile.engine.credentials;

import dev.envprofile.engine.config.UrlScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Credentials inside a value, whatever its key is called: URL userinfo ({@code redis://:pw@redis}),
 * URL query parameters named like credentials ({@code jdbc:postgresql://db/app?password=x}),
 * connection-string passwords ({@code Host=db;Password=x}), {@code Authorization:} and
 * {@code Bearer} headers, well-known token prefixes and PEM private keys. Every scanner is one pass
 * over at most {@link UrlScanner#LIMIT} characters.
 */
public final class EmbeddedCredentials {
  /**
   * A credential found in a value.
   *
   * @param kind what it is, for messages ("URL password", "connection-string password")
   * @param user the user name next to it, or null
   * @param secret the credential itself (for masking and weak-value checks; never printed)
   */
  public record Found(String kind, String user, String secret) {}

  private static final int MIN_HEADER_TOKEN = 8;

  private EmbeddedCredentials() {}

  public static List<Found> find(String value) {
    List<Found> out = new ArrayList<>();
    if (value == null || value.length() < 4) {
      return out;
    }
    if (value.contains("://")) {
      for (UrlScanner.Url u : UrlScanner.scan(value)) {
        if (u.password() != null && !UserInfo.isReference(u.password())) {
          out.add(new Found("URL password", u.user(), u.password()));
        }
        queryCredentials(u.tail(), out);
      }
    }
    ConnectionStrings.Parsed cs = ConnectionStrings.parse(value);
    if (cs != null && cs.password() != null && !UserInfo.isReference(cs.password())) {
      out.add(new Found("connection-string password", cs.user(), cs.password()));
    }
    headers(value, out);
    for (TokenPrefixes.Token t : TokenPrefixes.find(value)) {
      out.add(new Found(t.kind(), null, t.value()));
    }
    if (value.contains("PRIVATE KEY-----")) {
      out.add(new Found("private key", null, value));
    }
    return out;
  }

  /** {@code ?password=x&user=y}, {@code ;password=x}: parameters named like credentials. */
  private static void queryCredentials(String tail, List<Found> out) {
    int n = tail.length();
    int i = 0;
    while (i < n) {
      char c = tail.charAt(i);
      if (c != '?' && c != '&' && c != ';') {
        i++;
        continue;
      }
      int nameStart = ++i;
      while (i < n && tail.charAt(i) != '=' && tail.charAt(i) != '&' && tail.charAt(i) != ';' && tail.charAt(i) != '?') {
        i++;
      }
      if (i >= n || tail.charAt(i) != '=') {
        continue;
      }
      String name = tail.substring(nameStart, i);
      int valueStart = ++i;
      while (i < n && tail.charAt(i) != '&' && tail.charAt(i) != ';' && tail.charAt(i) != '#') {
        i++;
      }
      String v = tail.substring(valueStart, i);
      if (CredentialNames.isCredentialName(name) && CredentialValues.plausible(name, v)) {
        out.add(new Found("URL parameter " + name, null, v));
      }
    }
  }

  /**
   * {@code Authorization: Bearer x}, {@code Authorization=token x}, {@code Bearer x}, {@code Basic x}:
   * the token after the scheme word. A header value that refers to a variable is not a credential.
   */
  private static void headers(String value, List<Found> out) {
    int n = Math.min(value.length(), UrlScanner.LIMIT);
    String lower = value.substring(0, n).toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"bearer", "basic", "token"}) {
      int i = -1;
      while ((i = lower.indexOf(scheme, i + 1)) >= 0) {
        if (i > 0 && isWordChar(lower.charAt(i - 1))) {
          continue;
        }
        if (scheme.equals("token") && !afterAuthorization(lower, i)) {
          continue; // "token" is a common word: only right after an Authorization header name
        }
        int j = i + scheme.length();
        if (j >= n || lower.charAt(j) != ' ' && lower.charAt(j) != '\t') {
          continue;
        }
        while (j < n && (lower.charAt(j) == ' ' || lower.charAt(j) == '\t')) {
          j++;
        }
        int start = j;
        int stop = Math.min(n, start + 4096);
        while (j < stop && isTokenChar(value.charAt(j))) {
          j++;
        }
        String token = value.substring(start, j);
        if (looksLikeToken(token) && !UserInfo.isReference(token) && (j >= n || !isWordChar(value.charAt(j)))) {
          out.add(new Found(scheme.equals("basic") ? "Basic credentials" : "bearer token", null, token));
        }
      }
    }
  }

  /** Whether "authorization" then ':' or '=' (quotes and spaces allowed) ends right before {@code at}. */
  private static boolean afterAuthorization(String lower, int at) {
    int i = at - 1;
    int budget = 8;
    while (i >= 0 && budget-- > 0 && (lower.charAt(i) == ' ' || lower.charAt(i) == '"' || lower.charAt(i) == '\''
        || lower.charAt(i) == ':' || lower.charAt(i) == '=')) {
      i--;
    }
    return i >= 12 && lower.startsWith("authorization", i - 12);
  }

  /** A token, not a word of prose: 8+ characters with a digit, or 16+ mixing upper and lower case. */
  private static boolean looksLikeToken(String t) {
    if (t.length() < MIN_HEADER_TOKEN) {
      return false;
    }
    int eq = t.indexOf('=');
    if (eq >= 0 && eq < t.length() - 2 && t.charAt(eq + 1) != '=') {
      return false; // realm="x", key=value: a parameter, not base64 padding
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      digit |= Character.isDigit(c);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return digit || upper && lower && t.length() >= 16;
  }

  private static boolean isTokenChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+'
        || c == '/' || c == '=');
  }

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
