package dev.envprofile.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code scheme://[user[:password]@]host[:port]...} in text with a hand-written scanner: one
 * pass, no backtracking, so a hostile value ('a' x 50000 then "://") costs linear time. Reads at
 * most {@link #LIMIT} characters of a value.
 */
public final class UrlScanner {
  /** Characters of a value the scanners read: a ConfigMap value may be 1 MiB. */
  public static final int LIMIT = 256 * 1024;
  /** Characters after the authority read for query parameters. */
  private static final int TAIL = 4096;

  /**
   * A URL found in text.
   *
   * @param user null without userinfo
   * @param password null when the userinfo has no ':'
   * @param tail the path, query and fragment (up to whitespace or a quote, at most 4096 characters)
   */
  public record Url(String scheme, String user, String password, String host, Integer port,
                    int userinfoStart, int userinfoEnd, String tail) {}

  private UrlScanner() {}

  public static List<Url> scan(String text) {
    List<Url> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = Math.min(text.length(), LIMIT);
    int from = 0;
    int idx;
    while ((idx = text.indexOf("://", from)) >= 0 && idx + 3 <= n) {
      int[] end = new int[1];
      Url u = at(text, idx, n, from, end);
      if (u != null) {
        out.add(u);
        from = Math.max(end[0], idx + 3);
      } else {
        from = idx + 1;
      }
    }
    return out;
  }

  private static Url at(String text, int idx, int n, int lo, int[] endOut) {
    int s = idx;
    while (s > lo && isSchemeChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < idx && !isAsciiLetter(text.charAt(s))) {
      s++;
    }
    if (s == idx) {
      return null;
    }
    String scheme = text.substring(s, idx);
    int p = idx + 3;
    int q = p;
    while (q < n && !isUserinfoStop(text.charAt(q))) {
      q++;
    }
    String user = null;
    String password = null;
    int hostStart = p;
    if (q < n && text.charAt(q) == '@' && q > p) {
      String info = text.substring(p, q);
      int colon = info.indexOf(':');
      user = colon < 0 ? info : info.substring(0, colon);
      password = colon < 0 ? null : info.substring(colon + 1);
      hostStart = q + 1;
    }
    int hostEnd = hostEnd(text, hostStart, n);
    if (hostEnd == hostStart && user != null) {
      user = null;
      password = null;
      hostStart = p;
      hostEnd = hostEnd(text, hostStart, n);
    }
    if (hostEnd == hostStart) {
      return null;
    }
    String host = text.substring(hostStart, hostEnd);
    Integer port = null;
    int end = hostEnd;
    if (end + 1 < n && text.charAt(end) == ':' && isDigit(text.charAt(end + 1))) {
      int d = end + 1;
      while (d < n && isDigit(text.charAt(d))) {
        d++;
      }
      if (d - end - 1 <= 5) {
        int v = Integer.parseInt(text.substring(end + 1, d));
        port = v > 0 && v < 65536 ? v : null;
      }
      end = d;
    }
    int t = end;
    int nextUrl = text.indexOf("://", end); // tails stop at the next URL: 50,000 URLs in a row stay linear
    int tailMax = Math.min(Math.min(n, end + TAIL), nextUrl < 0 ? n : nextUrl);
    while (t < tailMax && !isTailStop(text.charAt(t))) {
      t++;
    }
    endOut[0] = end;
    return new Url(scheme, user, password, host, port, user == null ? -1 : p, user == null ? -1 : hostStart - 1,
        text.substring(end, t));
  }

  private static int hostEnd(String text, int start, int n) {
    if (start < n && text.charAt(start) == '[') {
      int i = start + 1;
      while (i < n && (isHex(text.charAt(i)) || text.charAt(i) == ':')) {
        i++;
      }
      return i < n && text.charAt(i) == ']' && i > start + 1 ? i + 1 : start;
    }
    int i = start;
    while (i < n && isHostChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isSchemeChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isUserinfoStop(char c) {
    return Character.isWhitespace(c) || c == '/' || c == '@' || c == '\'' || c == '"';
  }

  private static boolean isTailStop(char c) {
    return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '<' || c == '>' || c == '`';
  }

  public static boolean isHostChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
