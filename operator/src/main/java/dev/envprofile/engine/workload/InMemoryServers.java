package dev.envprofile.engine.workload;

import dev.envprofile.engine.facts.EnvEntry;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.storage.ImageRef;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Servers that keep their state in memory (or in a container layer nobody shares): service
 * registries, Consul or Vault in dev mode, tracing all-in-ones, dev stand-ins for cloud services,
 * and monitoring servers without persistent storage. N replicas of one are N separate servers
 * behind one Service, so the engine never scales them (docs/rules/workloads.md, "Never scaled").
 */
public final class InMemoryServers {
  /** Image name (last path component) to what it is. */
  private static final Map<String, String> IMAGES = Map.ofEntries(
      Map.entry("consul", "consul"),
      Map.entry("nacos-server", "a Nacos service registry"),
      Map.entry("all-in-one", "a Jaeger all-in-one"),
      Map.entry("jaeger", "a Jaeger all-in-one"),
      Map.entry("jaeger-all-in-one", "a Jaeger all-in-one"),
      Map.entry("zipkin", "Zipkin"),
      Map.entry("zipkin-slim", "Zipkin"),
      Map.entry("localstack", "LocalStack"),
      Map.entry("mailhog", "MailHog"),
      Map.entry("mailpit", "Mailpit"),
      Map.entry("smtp4dev", "smtp4dev"),
      Map.entry("azurite", "Azurite"),
      Map.entry("dynamodb-local", "DynamoDB Local"),
      Map.entry("fake-gcs-server", "fake-gcs-server"),
      Map.entry("wiremock", "WireMock"),
      Map.entry("mockserver", "MockServer"),
      Map.entry("prometheus", "Prometheus"),
      Map.entry("alertmanager", "Alertmanager"),
      Map.entry("pushgateway", "a Prometheus Pushgateway"),
      Map.entry("grafana", "Grafana"),
      Map.entry("loki", "Loki"),
      Map.entry("tempo", "Tempo"));
  /** Words in an image name that name a registry or a discovery/config server (Eureka, Spring Cloud). */
  private static final List<String> NAME_WORDS = List.of("eureka", "registry", "discovery", "config-server",
      "configserver");
  /** Arguments that start a server in its single-process, in-memory mode. */
  private static final Set<String> DEV_ARGS = Set.of("-dev", "--dev", "start-dev", "all-in-one", "--all-in-one");

  private InMemoryServers() {}

  /**
   * What in-memory server the workload runs ("consul in dev mode", "Zipkin with in-memory
   * storage"), or null. A workload with a persistent volume is not one: its state survives.
   */
  public static String of(Workload w, Facts facts) {
    if ("true".equalsIgnoreCase(w.annotation(dev.envprofile.engine.Labels.SINGLE_INSTANCE))) {
      return "declared single-instance (" + dev.envprofile.engine.Labels.SINGLE_INSTANCE + ")";
    }
    if (facts.storage().hasPersistentData(w)) {
      return null;
    }
    for (Container c : w.containers()) {
      String what = of(c, facts);
      if (what != null) {
        return what;
      }
    }
    return null;
  }

  private static String of(Container c, Facts facts) {
    String name = c.getImage() == null ? "" : ImageRef.parse(c.getImage()).name();
    String devArg = devArg(c);
    if (devArg != null) {
      return (name.isEmpty() ? "container " + c.getName() : name) + " in dev mode (" + devArg + ")";
    }
    String owner = c.getImage() == null ? "" : ImageRef.parse(c.getImage()).owner();
    if ("selenium".equals(owner) && (name.equals("hub") || name.startsWith("standalone-"))) {
      // Nodes register with one hub and its sessions live in its memory: two hubs are two grids.
      return "a Selenium Grid hub";
    }
    String sqlite = sqliteVariable(c, facts);
    if (sqlite != null) {
      return "a SQLite database in the container's filesystem (" + sqlite + ")";
    }
    String known = IMAGES.get(name);
    if (known != null) {
      if (known.equals("Zipkin")) {
        String storage = env(facts, c, "STORAGE_TYPE");
        return storage == null || storage.isBlank() || storage.strip().equalsIgnoreCase("mem")
            ? "Zipkin with in-memory storage" : null;
      }
      return known;
    }
    for (String word : NAME_WORDS) {
      if (name.contains(word)) {
        return "a service registry or discovery/config server (" + name + ")";
      }
    }
    return null;
  }

  private static String devArg(Container c) {
    List<String> words = new ArrayList<>();
    if (c.getCommand() != null) {
      words.addAll(c.getCommand());
    }
    if (c.getArgs() != null) {
      words.addAll(c.getArgs());
    }
    for (String w : words) {
      if (w == null) {
        continue;
      }
      // A shell line ("consul agent -dev -client 0.0.0.0") is split on spaces; long values are capped.
      String s = w.length() > 4096 ? w.substring(0, 4096) : w;
      for (String token : s.split(" ")) {
        if (DEV_ARGS.contains(token.strip().toLowerCase(Locale.ROOT))) {
          return token.strip();
        }
      }
    }
    return null;
  }

  /**
   * The variable whose value names a SQLite database ("sqlite3:db/db.sqlite3", "jdbc:sqlite:/x.db"),
   * or null: without a persistent volume each replica would write its own file. Only the value's
   * start is compared, so a long value costs nothing.
   */
  private static String sqliteVariable(Container c, Facts facts) {
    for (EnvEntry e : facts.env(c)) {
      String v = e.value();
      if (v == null) {
        continue;
      }
      String head = v.substring(0, Math.min(v.length(), 16)).stripLeading().toLowerCase(Locale.ROOT);
      if (head.startsWith("jdbc:")) {
        head = head.substring(5);
      }
      if (head.startsWith("sqlite:") || head.startsWith("sqlite3:")) {
        return e.name();
      }
    }
    return null;
  }

  private static String env(Facts facts, Container c, String name) {
    for (EnvEntry e : facts.env(c)) {
      if (name.equals(e.name())) {
        return e.value();
      }
    }
    return null;
  }
}
