package dev.envprofile.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** URLs in configuration values, and whether their host is local, in the cluster or outside. */
public final class Hosts {
  /** A URL found in a value; userinfo is never kept. */
  public record Url(String scheme, String host, Integer port) {
    @Override
    public String toString() {
      return scheme + "://" + host + (port == null ? "" : ":" + port);
    }
  }

  private Hosts() {}

  public static List<Url> urls(String text) {
    List<Url> out = new ArrayList<>();
    if (text == null || !text.contains("://")) {
      return out;
    }
    for (UrlScanner.Url u : UrlScanner.scan(text)) {
      out.add(new Url(u.scheme().toLowerCase(Locale.ROOT), u.host().toLowerCase(Locale.ROOT), u.port()));
    }
    return out;
  }

  public static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("0.0.0.0") || host.equals("[::1]")
        || host.endsWith(".localhost");
  }

  /** In the cluster: a bare name (a Service), *.svc, *.cluster.local. */
  public static boolean isInCluster(String host) {
    return !host.contains(".") || host.endsWith(".svc") || host.contains(".svc.") || host.endsWith(".cluster.local");
  }

  /** Outside the cluster and not this machine: a public name or address. */
  public static boolean isExternal(String host) {
    return !isLoopback(host) && !isInCluster(host) && !host.equals("host.docker.internal")
        && !host.endsWith(".local") && !host.endsWith(".internal");
  }
}
