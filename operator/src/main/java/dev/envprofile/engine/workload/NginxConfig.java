package dev.envprofile.engine.workload;

import java.util.List;

/**
 * Whether an nginx configuration writes only where a read-only root leaves it room. A linear scan
 * of words (whitespace, ';', '{' and '}' separate them; '#' starts a comment): every directive that
 * writes a file (pid, access_log, error_log, *_temp_path, *_cache_path, *_store, lock_file) must
 * name a scratch directory, the standard output, or the image's log links. Anything else, a
 * relative path, a variable or a text too large to read, counts as writing somewhere unknown.
 */
public final class NginxConfig {
  /** Texts above this are not read: a configuration is kilobytes, a ConfigMap value may be 1 MiB. */
  static final int MAX_CHARS = 256 * 1024;
  private static final List<String> WRITABLE = List.of("/tmp", "/var/cache/nginx", "/var/run", "/run");
  /** The official image links these to the container's standard output and error. */
  private static final List<String> LOG_LINKS = List.of("/var/log/nginx/access.log", "/var/log/nginx/error.log",
      "/dev/stdout", "/dev/stderr");

  private NginxConfig() {}

  /** The first directive that writes outside the scratch directories, or null when there is none. */
  public static String writesOutside(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_CHARS) {
      return "a configuration file larger than " + (MAX_CHARS / 1024) + " KiB";
    }
    String directive = null;
    int i = 0;
    int n = text.length();
    boolean first = true; // the next word starts a directive
    while (i < n) {
      char ch = text.charAt(i);
      if (ch == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (ch == ';' || ch == '{' || ch == '}') {
        first = true;
        directive = null;
        i++;
        continue;
      }
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i)) && ";{}#".indexOf(text.charAt(i)) < 0) {
        i++;
      }
      String word = unquote(text.substring(start, i));
      if (first) {
        directive = writes(word) ? word : null;
        first = false;
      } else if (directive != null) {
        if (!allowed(word)) {
          return directive + " " + word;
        }
        directive = null; // only the first argument is a path
      }
    }
    return null;
  }

  private static boolean writes(String directive) {
    return directive.equals("pid") || directive.equals("access_log") || directive.equals("error_log")
        || directive.equals("lock_file") || directive.endsWith("_temp_path") || directive.endsWith("_cache_path")
        || directive.endsWith("_store");
  }

  private static boolean allowed(String path) {
    if (path.equals("off") || path.equals("stderr") || path.startsWith("syslog:") || LOG_LINKS.contains(path)) {
      return true;
    }
    if (!path.startsWith("/") || path.contains("$") || path.contains("..")) {
      return false;
    }
    for (String dir : WRITABLE) {
      if (ReadOnlyRoot.under(path, dir)) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String word) {
    if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"") || word.startsWith("'") && word.endsWith("'"))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }
}
