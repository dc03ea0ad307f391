package dev.envprofile.engine;

/**
 * Kind/name patterns of spec.acceptedFindings[].objects: {@code *} is any run of characters and
 * nothing else is special. Never a regular expression: the literal runs between stars are found
 * left to right with Knuth-Morris-Pratt, so a match takes time linear in |pattern| + |text|
 * whatever a tenant writes (leftmost placement is exact for star-only globs).
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
      boolean ok = i < slash ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*'
          : c == '/' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '*';
      if (!ok) {
        return "'" + shortText(p) + "' may hold only a kind, '/', a name and the wildcard *";
      }
    }
    return null;
  }

  /** Whether {@code text} (Kind/name) matches {@code pattern}. */
  public static boolean matches(String pattern, String text) {
    int firstStar = pattern.indexOf('*');
    if (firstStar < 0) {
      return pattern.equals(text);
    }
    int lastStar = pattern.lastIndexOf('*');
    String head = pattern.substring(0, firstStar);
    String tail = pattern.substring(lastStar + 1);
    if (head.length() + tail.length() > text.length() || !text.startsWith(head) || !text.endsWith(tail)) {
      return false;
    }
    int from = head.length();
    int end = text.length() - tail.length();
    int i = firstStar + 1;
    while (i <= lastStar) {
      int next = pattern.indexOf('*', i);
      if (next > i) {
        int at = indexOf(text, from, end, pattern, i, next);
        if (at < 0) {
          return false;
        }
        from = at + (next - i);
      }
      i = next + 1;
    }
    return true;
  }

  /** The first index in text[from, end) where pattern[ps, pe) occurs, by Knuth-Morris-Pratt; -1 if none. */
  private static int indexOf(String text, int from, int end, String pattern, int ps, int pe) {
    int m = pe - ps;
    int[] fail = new int[m];
    for (int q = 1, k = 0; q < m; q++) {
      while (k > 0 && pattern.charAt(ps + k) != pattern.charAt(ps + q)) {
        k = fail[k - 1];
      }
      if (pattern.charAt(ps + k) == pattern.charAt(ps + q)) {
        k++;
      }
      fail[q] = k;
    }
    for (int t = from, k = 0; t < end; t++) {
      while (k > 0 && pattern.charAt(ps + k) != text.charAt(t)) {
        k = fail[k - 1];
      }
      if (pattern.charAt(ps + k) == text.charAt(t)) {
        k++;
      }
      if (k == m) {
        return t - m + 1;
      }
    }
    return -1;
  }

  private static String shortText(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
