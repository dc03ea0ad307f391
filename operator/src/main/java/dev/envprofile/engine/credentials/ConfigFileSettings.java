package dev.envprofile.engine.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential settings inside a config file (properties, .env, YAML, JSON, INI, TOML): lines whose
 * setting name is a credential name and whose value is a literal, plus URLs with a password.
 */
public final class ConfigFileSettings {
  private static final Pattern SETTING = Pattern.compile(
      "^\\s*(?:export\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*[:=]\\s*(.*?)\\s*,?\\s*$");

  /** A credential setting found in a file: its name and literal value. */
  public record Setting(String name, String value) {}

  private ConfigFileSettings() {}

  public static List<Setting> find(String text, CredentialNames names) {
    List<Setting> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith("#") || l.startsWith("//") || l.startsWith(";")) {
        continue;
      }
      Matcher m = SETTING.matcher(line);
      if (m.matches() && names.matches(m.group(1))) {
        String v = unquote(m.group(2));
        if (!v.isEmpty() && !UserInfo.isReference(v) && !v.equals("{") && !v.equals("[") && !v.equals("|")
            && !v.equals(">") && !v.equalsIgnoreCase("null") && !v.equals("~")) {
          out.add(new Setting(m.group(1), v));
        }
      }
      for (String pw : UserInfo.passwords(line)) {
        out.add(new Setting("URL password", pw));
      }
    }
    return out;
  }

  private static String unquote(String v) {
    String s = v;
    if (s.endsWith(",")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
