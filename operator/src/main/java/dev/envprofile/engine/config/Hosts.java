package dev.envprofile.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URLs in configuration values, and whether their host is local, in the cluster or outside. */
public final class Hosts {
  private static final Pattern URL = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]*)://(?:[^\\s/@'\"]+@)?(\\[[0-9A-Fa-f:]+]|[A-Za-z0-9_.-]+)(?::(\\d+))?");

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
    Matcher m = URL.matcher(text);
    while (m.find()) {
      out.add(new Url(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT),
          m.group(3) == null ? null : Integer.valueOf(m.group(3))));
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
