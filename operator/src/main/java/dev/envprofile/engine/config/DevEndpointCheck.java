package dev.envprofile.engine.config;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code config.dev-endpoint}. */
public final class DevEndpointCheck extends WorkloadCheck {
  public DevEndpointCheck() {
    super(CheckInfo.of("config.dev-endpoint", Severity.CRITICAL, Fix.PROFILE,
        "An env or ConfigMap value points at a local stand-in: LocalStack (localstack, port 4566), MinIO dev defaults, MailHog/Mailpit, host.docker.internal, a localhost or 127.0.0.1 URL.",
        "Only through spec.workloads.env overrides.",
        "AWS_ENDPOINT_URL=http://localstack:4566"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    Set<Integer> podPorts = new HashSet<>();
    for (Container c : w.allContainers()) {
      if (c.getPorts() != null) {
        c.getPorts().stream().map(ContainerPort::getContainerPort).filter(p -> p != null).forEach(podPorts::add);
      }
    }
    Set<String> found = new LinkedHashSet<>();
    boolean fixable = true;
    for (ConfigValues.Value v : ConfigValues.of(w, facts)) {
      if (v.origin().equals("command") || v.origin().equals("args")) {
        continue; // a server's own listen address is not an endpoint it calls
      }
      String why = judge(v.value(), podPorts);
      if (why != null) {
        found.add(why + " (" + v.origin() + ", container " + v.container().getName() + ")");
        fixable &= v.name() != null && settings.production().env().containsKey(v.name());
      }
    }
    if (found.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + " points at local stand-ins: " + String.join("; ", found)
          + (fixable ? "" : "; set the production endpoints in spec.workloads.env"));
    }
  }

  private static final Pattern HOST_PORT = Pattern.compile("(?i)(?<![A-Za-z0-9.-])(localhost|127\\.0\\.0\\.1|host\\.docker\\.internal|localstack|mailhog|mailpit)(?::(\\d+))?(?![A-Za-z0-9-])");

  /** What local stand-in the value names, or null. Judged by the value, not the variable's name. */
  static String judge(String value, Set<Integer> podPorts) {
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (v.strip().equals("minioadmin")) {
      return "MinIO's default root keys";
    }
    for (Hosts.Url u : Hosts.urls(value)) {
      if (u.port() != null && u.port() == 4566) {
        return "LocalStack (" + u + ")";
      }
    }
    Matcher m = HOST_PORT.matcher(value);
    while (m.find()) {
      String host = m.group(1).toLowerCase(Locale.ROOT);
      Integer port = m.group(2) == null ? null : Integer.valueOf(m.group(2));
      boolean url = m.start() >= 3 && value.startsWith("://", m.start() - 3);
      if (host.equals("localstack")) {
        return "LocalStack (" + host + (port == null ? "" : ":" + port) + ")";
      }
      if (host.equals("mailhog") || host.equals("mailpit")) {
        return "a mail catcher (" + host + ")";
      }
      if (host.equals("host.docker.internal")) {
        return "host.docker.internal (a developer's machine)";
      }
      // A loopback address is a stand-in unless a sidecar in the same pod listens on that port.
      if ((url || port != null) && (port == null || !podPorts.contains(port))) {
        return host + (port == null ? "" : ":" + port) + " (loopback)";
      }
    }
    return null;
  }
}
