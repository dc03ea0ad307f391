package dev.envprofile.engine.network;

import dev.envprofile.engine.config.Hosts;
import dev.envprofile.engine.config.UrlScanner;
import dev.envprofile.engine.credentials.ConnectionStrings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Host references in a configuration value: URLs ({@code postgresql://u:p@postgres:5432/app}),
 * host:port pairs ({@code redis:6379}, {@code zipkin.tracing.svc.cluster.local:9411}), connection
 * strings ({@code Host=postgres;Port=5432}, {@code Server=tcp:mssql,1433}, {@code Data Source=db})
 * and, for a whole value, a bare name ({@code REDIS_HOST=redis}). Userinfo is never kept. Every
 * scanner is hand-written and linear, over at most {@link UrlScanner#LIMIT} characters.
 */
public final class References {
  /** A host the configuration names, with the port when one is named or implied by the scheme. */
  public record Ref(String host, Integer port) {
    @Override
    public String toString() {
      return port == null ? host : host + ":" + port;
    }
  }

  private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
      Map.entry("http", 80), Map.entry("https", 443), Map.entry("ws", 80), Map.entry("wss", 443),
      Map.entry("postgres", 5432), Map.entry("postgresql", 5432), Map.entry("jdbc:postgresql", 5432),
      Map.entry("mysql", 3306), Map.entry("mariadb", 3306), Map.entry("mongodb", 27017), Map.entry("redis", 6379),
      Map.entry("rediss", 6379), Map.entry("amqp", 5672), Map.entry("amqps", 5671), Map.entry("kafka", 9092),
      Map.entry("nats", 4222), Map.entry("smtp", 25), Map.entry("smtps", 465), Map.entry("ldap", 389),
      Map.entry("ldaps", 636), Map.entry("grpc", 443), Map.entry("ftp", 21), Map.entry("memcached", 11211),
      Map.entry("sqlserver", 1433));

  private References() {}

  /**
   * @param wholeValueIsHost whether a value that is just a name counts (env values: yes; files and
   *     command lines: no, they are full of words)
   */
  public static Set<Ref> in(String value, boolean wholeValueIsHost) {
    Set<Ref> out = new LinkedHashSet<>();
    if (value == null || value.isEmpty()) {
      return out;
    }
    String v = value.length() > UrlScanner.LIMIT ? value.substring(0, UrlScanner.LIMIT) : value;
    for (Hosts.Url u : Hosts.urls(v)) {
      if (u.host().startsWith("$") || u.host().isEmpty()) {
        continue;
      }
      Integer port = u.port() != null ? u.port() : DEFAULT_PORTS.get(u.scheme());
      out.add(new Ref(u.host(), port));
    }
    hostPorts(v, out);
    connectionStrings(v, out);
    if (wholeValueIsHost) {
      for (String part : v.split("[,\\s]+")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        // A dotted bare word is a Java class or a domain as often as a host: only cluster names count.
        boolean clusterName = !p.contains(".") || p.endsWith(".svc") || p.contains(".svc.") || p.endsWith(".cluster.local")
            || p.chars().filter(ch -> ch == '.').count() == 1;
        if (!p.isEmpty() && clusterName && isDnsName(p, false) && !allDigitsAndDots(p)) {
          out.add(new Ref(p, null));
        }
      }
    }
    return out;
  }

  /** Connection strings: one per line (config files hold several), or one per quoted string of a line (JSON, YAML). */
  private static void connectionStrings(String v, Set<Ref> out) {
    if (v.indexOf('=') < 0) {
      return;
    }
    int from = 0;
    int eq = -1;
    while (from <= v.length()) {
      int nl = v.indexOf('\n', from);
      int end = nl < 0 ? v.length() : nl;
      if (eq < from) {
        eq = v.indexOf('=', from); // found once per '=', so lines without one cost nothing more
        if (eq < 0) {
          return;
        }
      }
      if (eq < end) {
        connectionString(v.substring(from, end), out);
        int q = v.indexOf('"', from);
        while (q >= 0 && q < end) {
          int close = v.indexOf('"', q + 1);
          if (close < 0 || close > end) {
            break;
          }
          if (close - q > 3) {
            connectionString(v.substring(q + 1, close), out);
          }
          q = v.indexOf('"', close + 1);
        }
      }
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
  }

  private static void connectionString(String s, Set<Ref> out) {
    if (s.indexOf('=') < 0) {
      return;
    }
    ConnectionStrings.Parsed cs = ConnectionStrings.parse(s);
    if (cs != null) {
      cs.hosts().forEach(h -> out.add(new Ref(h.host(), h.port())));
    }
  }

  /**
   * {@code name:port} with 2 to 5 digits, the name not glued to a word, '@' or '/' before it (URLs
   * are read above), and not a time (10:30, 10:30:00).
   */
  private static void hostPorts(String v, Set<Ref> out) {
    int n = v.length();
    int i = -1;
    while ((i = v.indexOf(':', i + 1)) >= 0) {
      int d = i + 1;
      while (d < n && d - i <= 6 && Character.isDigit(v.charAt(d)) && v.charAt(d) < 128) {
        d++;
      }
      int digits = d - i - 1;
      if (digits < 2 || digits > 5 || d < n && v.charAt(d) < 128 && Character.isLetterOrDigit(v.charAt(d))) {
        continue;
      }
      int s = i;
      while (s > 0 && isHostChar(v.charAt(s - 1))) {
        s--;
      }
      // The name starts at its first letter or digit (as a regular expression's leftmost match would).
      while (s < i && !isAlnum(v.charAt(s))) {
        s++;
      }
      if (s == i || s > 0 && isGlue(v.charAt(s - 1))) {
        continue;
      }
      String host = v.substring(s, i).toLowerCase(Locale.ROOT);
      if (!isDnsName(host, true) || allDigitsAndDots(host) && !host.contains(".")) {
        continue;
      }
      if (host.chars().allMatch(Character::isDigit) || d < n && v.charAt(d) == ':') {
        continue; // 10:30 or 2024-01-01T10:30:00 is a time, not a host
      }
      int port = Integer.parseInt(v.substring(i + 1, d));
      if (port > 0 && port < 65536) {
        out.add(new Ref(host, port));
      }
    }
  }

  private static boolean isGlue(char c) {
    return isHostChar(c) || c == '_' || c == '@' || c == '/';
  }

  private static boolean isHostChar(char c) {
    return isAlnum(c) || c == '.' || c == '-';
  }

  private static boolean isAlnum(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  /** Labels of letters, digits and inner dashes, separated by single dots. */
  private static boolean isDnsName(String s, boolean upper) {
    if (s.isEmpty() || s.length() > 253) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
        continue;
      }
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || upper && c >= 'A' && c <= 'Z';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigitsAndDots(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  public static List<String> asStrings(Set<Ref> refs) {
    return refs.stream().map(Ref::toString).toList();
  }
}
