package dev.envprofile.engine;

/**
 * Kind/name patterns of spec.acceptedFindings[].objects: {@code *} is any run of characters,
 * {@code ?} one character, and nothing else is special. Matched by a scanner with one backtrack
 * point, never a regular expression: at most |pattern| x |text| steps, both bounded (317 and the
 * API's 63 + 253), whatever a tenant writes.
 */
public final class ObjectPattern {
  static final int MAX_LENGTH = dev.envprofile.api.AcceptedFinding.MAX_OBJECT_PATTERN;

  private ObjectPattern() {}

  /** Why {@code p} is not a Kind/name pattern, or null. */
  static String problem(String p) {
    if (p == null || p.isEmpty()) {
      return "required: a Kind/name pattern such as Deployment/api-*";
    }
    if (p.length() > MAX_LENGTH) {
      return "at most " + MAX_LENGTH + " characters, got " + p.length();
    }
    int slash = p.indexOf('/');
    if (slash <= 0 || slash == p.length() - 1 || p.indexOf('/', slash + 1) >= 0) {
      return "'" + shortText(p) + "' is not Kind/name, e.g. Deployment/api-* or */legacy-*";
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      boolean ok = i < slash ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*' || c == '?'
          : c == '/' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '*' || c == '?';
      if (!ok) {
        return "'" + shortText(p) + "' may hold only a kind, '/', a name and the wildcards * and ?";
      }
    }
    return null;
  }

  /** Whether {@code text} (Kind/name) matches {@code pattern}. */
  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static String shortText(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
