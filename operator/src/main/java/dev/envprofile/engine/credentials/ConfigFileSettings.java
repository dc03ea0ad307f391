package dev.envprofile.engine.credentials;

import dev.envprofile.engine.config.UrlScanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Credential settings inside a config file (properties, .env, YAML, JSON, INI, TOML): settings whose
 * name is a credential name and whose value is a literal (nested YAML and JSON included, minified
 * JSON too), and credentials embedded in any setting's value (URLs with a password, connection
 * strings, headers, well-known tokens). Hand-written scanners over at most {@link UrlScanner#LIMIT}
 * characters: linear on any input.
 */
public final class ConfigFileSettings {
  /** A credential setting found in a file: its name (or what it is) and literal value. */
  public record Setting(String name, String value) {}

  private static final int MAX_KEY = 200;

  private ConfigFileSettings() {}

  public static List<Setting> find(String text, CredentialNames names) {
    Set<Setting> out = new LinkedHashSet<>();
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    int n = Math.min(text.length(), UrlScanner.LIMIT);
    String t = text.substring(0, n);
    int from = 0;
    while (from <= n) {
      int nl = t.indexOf('\n', from);
      int end = nl < 0 ? n : nl;
      line(t.substring(from, end), names, out);
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    json(t, names, out);
    if (t.contains("PRIVATE KEY-----")) {
      out.add(new Setting("private key", text));
    }
    return new ArrayList<>(out);
  }

  /** Whether a ConfigMap entry is a file to read settings from: several lines, a JSON object, or a config file name. */
  public static boolean isFile(String key, String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (value.indexOf('\n') >= 0 || value.strip().startsWith("{")) {
      return true;
    }
    String k = key.toLowerCase(java.util.Locale.ROOT);
    return k.endsWith(".json") || k.endsWith(".yaml") || k.endsWith(".yml") || k.endsWith(".properties")
        || k.endsWith(".env") || k.endsWith(".ini") || k.endsWith(".toml") || k.endsWith(".conf") || k.endsWith(".cfg")
        || k.startsWith(".env");
  }

  private static void line(String line, CredentialNames names, Set<Setting> out) {
    int n = line.length();
    int i = skipSpaces(line, 0);
    if (i >= n) {
      return;
    }
    char first = line.charAt(i);
    if (first == '#' || first == ';' || first == '[' || line.startsWith("//", i)) {
      return;
    }
    if (line.startsWith("export ", i)) {
      i = skipSpaces(line, i + 7);
    }
    if (line.startsWith("- ", i)) {
      i = skipSpaces(line, i + 2);
    }
    char quote = i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'') ? line.charAt(i) : 0;
    if (quote != 0) {
      i++;
    }
    int keyStart = i;
    while (i < n && i - keyStart < MAX_KEY && isKeyChar(line.charAt(i), i == keyStart)) {
      i++;
    }
    int keyEnd = i;
    if (keyEnd == keyStart || quote != 0 && (i >= n || line.charAt(i++) != quote)) {
      embedded(line, out);
      return;
    }
    i = skipSpaces(line, i);
    if (i >= n || line.charAt(i) != ':' && line.charAt(i) != '=') {
      embedded(line, out);
      return;
    }
    String key = line.substring(keyStart, keyEnd);
    String value = value(line.substring(i + 1));
    if (names.matches(key) && !structural(value) && CredentialValues.plausible(key, value)) {
      out.add(new Setting(key, value));
    }
    embedded(value, out);
  }

  /** The literal of a setting: trimmed, without a trailing comma, quotes or a YAML comment. */
  private static String value(String raw) {
    String s = raw.strip();
    if (s.endsWith(",")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    int comment = s.indexOf(" #");
    return comment >= 0 ? s.substring(0, comment).strip() : s;
  }

  private static boolean structural(String v) {
    return v.isEmpty() || v.equals("{") || v.equals("[") || v.equals("|") || v.equals(">") || v.equals("|-")
        || v.equals(">-") || v.equals("{}") || v.equals("[]") || v.equals("\"\"") || v.equals("''");
  }

  /** Every {@code "key": "value"} pair of JSON, at any depth, in one pass. */
  private static void json(String t, CredentialNames names, Set<Setting> out) {
    int n = t.length();
    int i = t.indexOf('"');
    if (i < 0 || t.indexOf(':') < 0) {
      return;
    }
    StringBuilder key = new StringBuilder();
    StringBuilder value = new StringBuilder();
    while (i >= 0 && i < n) {
      key.setLength(0);
      int afterKey = string(t, i, key);
      int j = skipSpaces(t, afterKey);
      if (j < n && t.charAt(j) == ':') {
        j = skipSpaces(t, j + 1);
        if (j < n && t.charAt(j) == '"') {
          value.setLength(0);
          int afterValue = string(t, j, value);
          String k = key.toString();
          String v = value.toString();
          if (k.length() <= MAX_KEY && names.matches(k) && CredentialValues.plausible(k, v)) {
            out.add(new Setting(k, v));
          }
          embedded(v, out);
          i = t.indexOf('"', afterValue);
          continue;
        }
      }
      i = t.indexOf('"', afterKey);
    }
  }

  /** Reads the JSON string starting at the quote at {@code start} into {@code sb}; returns the index after it. */
  private static int string(String t, int start, StringBuilder sb) {
    int i = start + 1;
    int n = t.length();
    while (i < n) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = t.charAt(i + 1);
        sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        i += 2;
      } else if (c == '"' || c == '\n') {
        return i + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return n;
  }

  private static void embedded(String value, Set<Setting> out) {
    for (EmbeddedCredentials.Found f : EmbeddedCredentials.find(value)) {
      if (!f.kind().equals("private key")) {
        out.add(new Setting(f.kind(), f.secret()));
      }
    }
  }

  private static boolean isKeyChar(char c, boolean first) {
    return c < 128 && (Character.isLetter(c) || c == '_' || !first && (Character.isDigit(c) || c == '.' || c == '-'));
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }
}
