package dev.envprofile.engine.credentials;

import dev.envprofile.engine.config.UrlScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * URLs that embed a password ({@code scheme://user:password@host}, {@code redis://:password@host}).
 * A password that only refers to other variables ({@code $(DB_PASSWORD)}, {@code ${DB_PASSWORD}}) is
 * not one: it stays a literal so that Kubernetes (or the application) can expand it.
 */
public final class UserInfo {
  private UserInfo() {}

  /** Whether the text holds a URL with a literal password. */
  public static boolean hasPassword(String text) {
    return !pairs(text).isEmpty();
  }

  /** The literal passwords embedded in URLs of the text, for masking. */
  public static List<String> passwords(String text) {
    List<String> out = new ArrayList<>();
    pairs(text).forEach(p -> out.add(p[1]));
    return out;
  }

  /** User name and password of each URL with a literal password (the user may be empty). */
  public static List<String[]> pairs(String text) {
    List<String[]> out = new ArrayList<>();
    if (text == null || text.indexOf('@') < 0) {
      return out;
    }
    for (UrlScanner.Url u : UrlScanner.scan(text)) {
      if (u.password() != null && !isReference(u.password())) {
        out.add(new String[] {u.user(), u.password()});
      }
    }
    return out;
  }

  /** The text with every URL's userinfo removed: safe to print. */
  public static String strip(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    for (UrlScanner.Url u : UrlScanner.scan(text)) {
      if (u.userinfoStart() >= 0) {
        sb.append(text, from, u.userinfoStart());
        from = u.userinfoEnd() + 1;
      }
    }
    return sb.append(text, from, text.length()).toString();
  }

  /**
   * Only references to variables, which the kubelet or the application expands: {@code $(VAR)},
   * {@code ${VAR}}, {@code ${VAR:-default}}, {@code %VAR%}; the empty value too.
   */
  public static boolean isReference(String value) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '$' && i + 1 < n && (value.charAt(i + 1) == '(' || value.charAt(i + 1) == '{')) {
        char close = value.charAt(i + 1) == '(' ? ')' : '}';
        int end = value.indexOf(close, i + 2);
        if (end < 0 || end == i + 2 || close == ')' && !isName(value, i + 2, end)) {
          return false;
        }
        i = end + 1;
      } else if (c == '%') {
        int end = value.indexOf('%', i + 1);
        if (end < 0 || end == i + 1 || !isName(value, i + 1, end)) {
          return false;
        }
        i = end + 1;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Whether the value refers to another variable anywhere: moving it would stop $(VAR) expansion. */
  public static boolean hasReference(String value) {
    if (value == null) {
      return false;
    }
    int i = -1;
    int end = -1; // the next ')' is shared by every "$(" before it: found once, so the scan stays linear
    while ((i = value.indexOf("$(", i + 1)) >= 0) {
      if (end < i + 2) {
        end = value.indexOf(')', i + 2);
        if (end < 0) {
          return false;
        }
      }
      if (end > i + 2 && isName(value, i + 2, end)) {
        return true;
      }
    }
    return false;
  }

  /** [A-Za-z_][A-Za-z0-9_.-]* between from and to. */
  private static boolean isName(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok = c < 128 && (Character.isLetter(c) || c == '_' || i > from && (Character.isDigit(c) || c == '.' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return to > from;
  }
}
