package dev.envprofile.engine.network;

import dev.envprofile.engine.config.Hosts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host references in a configuration value: URLs ({@code postgresql://u:p@postgres:5432/app}),
 * host:port pairs ({@code redis:6379}, {@code zipkin.tracing.svc.cluster.local:9411}) and, for a
 * whole value, a bare name ({@code REDIS_HOST=redis}). Userinfo is never kept.
 */
public final class References {
  /** A host the configuration names, with the port when one is named or implied by the scheme. */
  public record Ref(String host, Integer port) {
    @Override
    public String toString() {
      return port == null ? host : host + ":" + port;
    }
  }

  private static final Pattern HOST_PORT = Pattern.compile(
      "(?<![A-Za-z0-9_.@/-])([A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*):(\\d{2,5})(?![0-9A-Za-z])");
  private static final Pattern BARE = Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
      Map.entry("http", 80), Map.entry("https", 443), Map.entry("ws", 80), Map.entry("wss", 443),
      Map.entry("postgres", 5432), Map.entry("postgresql", 5432), Map.entry("jdbc:postgresql", 5432),
      Map.entry("mysql", 3306), Map.entry("mariadb", 3306), Map.entry("mongodb", 27017), Map.entry("redis", 6379),
      Map.entry("rediss", 6379), Map.entry("amqp", 5672), Map.entry("amqps", 5671), Map.entry("kafka", 9092),
      Map.entry("nats", 4222), Map.entry("smtp", 25), Map.entry("smtps", 465), Map.entry("ldap", 389),
      Map.entry("ldaps", 636), Map.entry("grpc", 443), Map.entry("ftp", 21), Map.entry("memcached", 11211));

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
    for (Hosts.Url u : Hosts.urls(value)) {
      if (u.host().startsWith("$") || u.host().isEmpty()) {
        continue;
      }
      Integer port = u.port() != null ? u.port() : DEFAULT_PORTS.get(u.scheme());
      out.add(new Ref(u.host(), port));
    }
    Matcher m = HOST_PORT.matcher(value);
    while (m.find()) {
      String host = m.group(1).toLowerCase(Locale.ROOT);
      int port = Integer.parseInt(m.group(5));
      if (port > 0 && port < 65536 && !host.matches("\\d+") && !looksLikeTime(value, m)) {
        out.add(new Ref(host, port));
      }
    }
    if (wholeValueIsHost) {
      for (String part : value.split("[,\\s]+")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        // A dotted bare word is a Java class or a domain as often as a host: only cluster names count.
        boolean clusterName = !p.contains(".") || p.endsWith(".svc") || p.contains(".svc.") || p.endsWith(".cluster.local")
            || p.chars().filter(ch -> ch == '.').count() == 1;
        if (!p.isEmpty() && clusterName && BARE.matcher(p).matches() && !p.matches("[0-9.]+")) {
          out.add(new Ref(p, null));
        }
      }
    }
    return out;
  }

  /** 10:30 or 2024-01-01T10:30:00 is a time, not a host. */
  private static boolean looksLikeTime(String value, Matcher m) {
    return m.group(1).matches("\\d+") || m.end() < value.length() && value.charAt(m.end()) == ':';
  }

  public static List<String> asStrings(Set<Ref> refs) {
    return refs.stream().map(Ref::toString).toList();
  }
}
