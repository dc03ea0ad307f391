package dev.envprofile.engine.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Credentials on a container's command line: {@code --db-password=x}, {@code --password x},
 * {@code PGPASSWORD=x psql}, {@code --set auth.password=x}, mysql's {@code -px}, and credentials
 * embedded in any argument (URLs with a password, headers, tokens). Arguments are split into words
 * at whitespace so that {@code sh -c "mysql -uroot -px"} is read too. A value that only refers to a
 * variable ({@code $(DB_PASSWORD)}, {@code $DB_PASSWORD}, {@code ${DB_PASSWORD}}) is the right way
 * to pass one and is not reported.
 */
public final class ArgCredentials {
  /**
   * A credential on the command line.
   *
   * @param what how it is passed, for messages ("--db-password", "-p (mysql)", "URL password")
   * @param value the credential (never printed)
   */
  public record Found(String what, String value) {}

  private static final int MAX_WORDS = 4096;

  private ArgCredentials() {}

  public static List<Found> find(List<String> line, CredentialNames names) {
    List<Found> out = new ArrayList<>();
    if (line == null || line.isEmpty()) {
      return out;
    }
    List<String> words = new ArrayList<>();
    for (String element : line) {
      if (element == null) {
        continue;
      }
      for (EmbeddedCredentials.Found f : EmbeddedCredentials.find(element)) {
        out.add(new Found(f.kind(), f.secret()));
      }
      split(element, words);
    }
    boolean mysql = false;
    for (int i = 0; i < words.size() && i < MAX_WORDS; i++) {
      String w = words.get(i);
      if (w.equals(";") || w.equals("&&") || w.equals("||") || w.equals("|")) {
        mysql = false;
        continue;
      }
      String base = w.substring(w.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      if (base.startsWith("mysql") || base.startsWith("mariadb")) {
        mysql = true;
      }
      if (w.startsWith("--") && w.length() > 2) {
        int eq = w.indexOf('=');
        String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
        String value = eq >= 0 ? w.substring(eq + 1)
            : i + 1 < words.size() && !words.get(i + 1).startsWith("-") ? words.get(i + 1) : null;
        if (names.matches(name) && credential(name, value)) {
          out.add(new Found("--" + name, value));
        } else if (eq >= 0) {
          assignment(value, names, out);
        }
      } else if (mysql && w.startsWith("-p") && w.length() > 2 && !w.startsWith("-p=") && credential("password", w.substring(2))) {
        out.add(new Found("-p (mysql)", w.substring(2)));
      } else if (!w.startsWith("-")) {
        assignment(w, names, out);
      }
    }
    return out;
  }

  /** {@code PGPASSWORD=x}, {@code auth.password=x}: an assignment word whose name is a credential name. */
  private static void assignment(String w, CredentialNames names, List<Found> out) {
    if (w == null) {
      return;
    }
    int eq = w.indexOf('=');
    if (eq <= 0 || eq > 200) {
      return;
    }
    String name = w.substring(0, eq);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))) {
        return;
      }
    }
    String value = w.substring(eq + 1);
    if (names.matches(name) && credential(name, value)) {
      out.add(new Found(name + "=", value));
    }
  }

  private static boolean credential(String name, String value) {
    if (value == null || !CredentialValues.plausible(name, value)) {
      return false;
    }
    return !(value.startsWith("$") && isShellVariable(value));
  }

  /** {@code $NAME}: the shell expands it. */
  private static boolean isShellVariable(String v) {
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        return false;
      }
    }
    return v.length() > 1;
  }

  /** Whitespace-separated words, without the quotes around them. */
  private static void split(String element, List<String> words) {
    int n = Math.min(element.length(), dev.envprofile.engine.config.UrlScanner.LIMIT);
    int i = 0;
    while (i < n && words.size() < MAX_WORDS) {
      while (i < n && Character.isWhitespace(element.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(element.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(unquote(element.substring(start, i)));
      }
    }
  }

  private static String unquote(String w) {
    int a = 0;
    int b = w.length();
    while (a < b && (w.charAt(a) == '"' || w.charAt(a) == '\'')) {
      a++;
    }
    while (b > a && (w.charAt(b - 1) == '"' || w.charAt(b - 1) == '\'' || w.charAt(b - 1) == ';')) {
      b--;
    }
    return w.substring(a, b);
  }
}
