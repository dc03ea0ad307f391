package dev.envprofile.engine.tls;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an Ingress serves and what its tls entries cover: read by the TLS check and the TLS rewrite. */
public final class IngressHosts {
  private IngressHosts() {}

  /** The hosts of the Ingress's rules, in order, without repeats. */
  public static List<String> hosts(Ingress ing) {
    Set<String> out = new LinkedHashSet<>();
    if (ing.getSpec() != null && ing.getSpec().getRules() != null) {
      for (IngressRule r : ing.getSpec().getRules()) {
        if (r.getHost() != null && !r.getHost().isEmpty()) {
          out.add(r.getHost());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Hosts no tls entry covers (a wildcard entry covers one label). */
  public static List<String> uncovered(Ingress ing) {
    List<String> out = new ArrayList<>();
    for (String h : hosts(ing)) {
      boolean covered = ing.getSpec().getTls() != null && ing.getSpec().getTls().stream()
          .anyMatch(t -> t.getHosts() != null && t.getHosts().stream().anyMatch(x -> covers(x, h)));
      if (!covered) {
        out.add(h);
      }
    }
    return out;
  }

  /** Whether one rule lacks a host: such a rule cannot get a certificate. */
  public static boolean hasHostlessRule(Ingress ing) {
    return ing.getSpec().getRules() == null || ing.getSpec().getRules().isEmpty()
        || ing.getSpec().getRules().stream().anyMatch(r -> r.getHost() == null || r.getHost().isEmpty());
  }

  private static boolean covers(String pattern, String host) {
    if (pattern.equals(host)) {
      return true;
    }
    if (pattern.startsWith("*.") && host.indexOf('.') > 0) {
      return host.substring(host.indexOf('.')).equals(pattern.substring(1));
    }
    return false;
  }
}
