package dev.envprofile.engine.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key/value connection strings: ADO.NET and Npgsql ({@code Host=db;Port=5432;Username=app;Password=x}),
 * SQL Server ({@code Server=tcp:db,1433;Database=app;User Id=sa;Password=x}, {@code Data Source=db}),
 * MySQL Connector ({@code Server=db;Uid=app;Pwd=x}) and libpq keyword lists
 * ({@code host=db port=5432 user=app password=x}). Parsed by hand in one pass.
 */
public final class ConnectionStrings {
  /** A host the string names, with its port when it names one. */
  public record Host(String host, Integer port) {}

  /** What a connection string holds; {@code password} and {@code user} may be null. */
  public record Parsed(List<Host> hosts, String user, String password) {}

  private static final int LIMIT = 16 * 1024;

  private ConnectionStrings() {}

  /** The parsed string, or null when the text is not a connection string. */
  public static Parsed parse(String text) {
    if (text == null || text.indexOf('=') < 0) {
      return null;
    }
    String s = text.length() > LIMIT ? text.substring(0, LIMIT) : text;
    boolean semicolons = s.indexOf(';') >= 0;
    Map<String, String> kv = pairs(s.strip(), semicolons);
    if (kv.size() < 2) {
      return null;
    }
    String hostValue = first(kv, "host", "server", "data source", "datasource", "address", "addr", "network address",
        "hostname", "hostaddr");
    String password = first(kv, "password", "pwd", "passwd");
    String user = first(kv, "user id", "userid", "uid", "username", "user name", "user");
    if (hostValue == null && password == null) {
      return null;
    }
    if (!semicolons && (hostValue == null || password == null && user == null)) {
      return null; // a space-separated list needs libpq's shape: host= and user= or password=
    }
    List<Host> hosts = new ArrayList<>();
    if (hostValue != null) {
      Integer port = port(kv.get("port"));
      for (String part : hostValue.split(",")) {
        String h = part.strip();
        if (!hosts.isEmpty() && h.chars().allMatch(Character::isDigit) && !h.isEmpty()) {
          Host last = hosts.remove(hosts.size() - 1);
          hosts.add(new Host(last.host(), port(h))); // SQL Server: host,port
          continue;
        }
        Host parsed = host(h, port);
        if (parsed != null) {
          hosts.add(parsed);
        }
      }
    }
    return new Parsed(hosts, user, password == null || password.isEmpty() ? null : password);
  }

  /** {@code tcp:db\INSTANCE}, {@code db:5432}, {@code (local)}: the host name and port. */
  private static Host host(String value, Integer port) {
    String h = value;
    int colon = h.indexOf(':');
    if (colon > 0 && colon < 4 && h.substring(0, colon).chars().allMatch(Character::isLetter)) {
      h = h.substring(colon + 1); // protocol prefix: tcp:, np:, lpc:
    }
    int slash = h.indexOf('\\');
    if (slash >= 0) {
      h = h.substring(0, slash);
    }
    colon = h.lastIndexOf(':');
    if (colon > 0 && h.indexOf(':') == colon && port(h.substring(colon + 1)) != null) {
      port = port(h.substring(colon + 1));
      h = h.substring(0, colon);
    }
    h = h.strip().toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.equals("(local)") || h.equals(".") || !h.chars().allMatch(c -> c < 128
        && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))) {
      return null;
    }
    return new Host(h, port);
  }

  private static Integer port(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int p = Integer.parseInt(s);
    return p > 0 && p < 65536 ? p : null;
  }

  private static String first(Map<String, String> kv, String... keys) {
    for (String k : keys) {
      String v = kv.get(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * Lower-cased keys (inner spaces collapsed) to values; quoted values ("..." or '...', doubled
   * quotes inside) may hold the separator. The first occurrence of a key wins.
   */
  static Map<String, String> pairs(String s, boolean semicolons) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && (s.charAt(i) == ';' || Character.isWhitespace(s.charAt(i)))) {
        i++;
      }
      int keyStart = i;
      while (i < n && s.charAt(i) != '=' && (semicolons ? s.charAt(i) != ';' : !Character.isWhitespace(s.charAt(i)))) {
        i++;
      }
      if (i >= n || s.charAt(i) != '=') {
        if (!semicolons && i < n) {
          return Map.of(); // a word without '=': prose, not a keyword list
        }
        continue;
      }
      String key = collapse(s.substring(keyStart, i));
      i++;
      StringBuilder value = new StringBuilder();
      while (i < n && s.charAt(i) == ' ' && semicolons) {
        i++;
      }
      if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
        char q = s.charAt(i++);
        while (i < n) {
          char c = s.charAt(i);
          if (c == q && i + 1 < n && s.charAt(i + 1) == q) {
            value.append(q);
            i += 2;
          } else if (c == q) {
            i++;
            break;
          } else {
            value.append(c);
            i++;
          }
        }
        while (i < n && s.charAt(i) != ';' && (semicolons || !Character.isWhitespace(s.charAt(i)))) {
          i++;
        }
      } else {
        int start = i;
        while (i < n && (semicolons ? s.charAt(i) != ';' : !Character.isWhitespace(s.charAt(i)))) {
          i++;
        }
        value.append(s, start, i);
      }
      if (!key.isEmpty() && key.length() <= 40 && validKey(key)) {
        out.putIfAbsent(key, semicolons ? value.toString().strip() : value.toString());
      } else if (!semicolons) {
        return Map.of();
      }
    }
    return out;
  }

  private static boolean validKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '.' || c == '-'))) {
        return false;
      }
    }
    return true;
  }

  private static String collapse(String key) {
    StringBuilder sb = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
