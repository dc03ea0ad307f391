package dev.envprofile.engine.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that embed a password ({@code scheme://user:password@host}). A password that only refers to
 * other variables ({@code $(DB_PASSWORD)}, {@code ${DB_PASSWORD}}) is not one: it stays a literal so
 * that Kubernetes (or the application) can expand it.
 */
public final class UserInfo {
  private static final Pattern URL_USERINFO = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]*://)([^\\s/@:'\"]+):([^\\s/@'\"]+)@");

  private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/@'\"]+@");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)|\\$\\{[^}]*}|%[A-Za-z_]+%");
  private static final Pattern KUBE_REFERENCE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)");

  private UserInfo() {}

  /** Whether the text holds a URL with a literal password. */
  public static boolean hasPassword(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return false;
    }
    Matcher m = URL_USERINFO.matcher(text);
    while (m.find()) {
      if (!isReference(m.group(3))) {
        return true;
      }
    }
    return false;
  }

  /** The literal passwords embedded in URLs of the text, for masking. */
  public static java.util.List<String> passwords(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (text == null || text.indexOf('@') < 0) {
      return out;
    }
    Matcher m = URL_USERINFO.matcher(text);
    while (m.find()) {
      if (!isReference(m.group(3))) {
        out.add(m.group(3));
      }
    }
    return out;
  }

  /** The user names of URLs with a password, to recognise "password equals user name". */
  public static java.util.List<String[]> pairs(String text) {
    java.util.List<String[]> out = new java.util.ArrayList<>();
    if (text == null || text.indexOf('@') < 0) {
      return out;
    }
    Matcher m = URL_USERINFO.matcher(text);
    while (m.find()) {
      if (!isReference(m.group(3))) {
        out.add(new String[] {m.group(2), m.group(3)});
      }
    }
    return out;
  }

  /** The text with every URL's userinfo removed: safe to print. */
  public static String strip(String text) {
    return text == null ? null : USERINFO.matcher(text).replaceAll("$1");
  }

  /** Only references to variables, which the kubelet or the application expands. */
  public static boolean isReference(String value) {
    return value.indexOf('$') < 0 && value.indexOf('%') < 0 ? value.isEmpty() : REFERENCE.matcher(value).replaceAll("").isEmpty();
  }

  /** Whether the value refers to another variable anywhere: moving it would stop $(VAR) expansion. */
  public static boolean hasReference(String value) {
    return value != null && value.contains("$(") && KUBE_REFERENCE.matcher(value).find();
  }
}
