package dev.envprofile.engine.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Well-known stateful servers (docs/rules/storage.md, "Stateful servers"): recognised by image repository or server port, with
 * their data directory where the image documents one.
 */
public final class StatefulServers {
  /** Image name (last path component) to server kind. */
  private static final Map<String, String> IMAGES = new LinkedHashMap<>();
  /** Server kind to the official image's data directory. */
  private static final Map<String, String> DATA_DIRS = Map.ofEntries(
      Map.entry("postgres", "/var/lib/postgresql/data"),
      Map.entry("mysql", "/var/lib/mysql"),
      Map.entry("mariadb", "/var/lib/mysql"),
      Map.entry("mongo", "/data/db"),
      Map.entry("redis", "/data"),
      Map.entry("valkey", "/data"),
      Map.entry("rabbitmq", "/var/lib/rabbitmq"),
      Map.entry("elasticsearch", "/usr/share/elasticsearch/data"),
      Map.entry("opensearch", "/usr/share/opensearch/data"),
      Map.entry("cassandra", "/var/lib/cassandra"),
      Map.entry("zookeeper", "/data"),
      Map.entry("vault", "/vault/file"));
  private static final Map<Integer, String> PORTS = Map.of(5432, "postgres", 3306, "mysql", 27017, "mongo",
      6379, "redis", 5672, "rabbitmq", 9200, "elasticsearch", 9042, "cassandra", 2181, "zookeeper", 9092, "kafka",
      2379, "etcd");
  /** Images that keep nothing: never stateful, whatever port they listen on. */
  private static final Set<String> STATELESS = Set.of("memcached", "redis-exporter", "postgres-exporter",
      "mysqld-exporter", "mongodb-exporter", "kafka-ui", "mongo-express", "redis-commander", "pgadmin4", "adminer",
      "phpmyadmin", "redisinsight", "kafdrop", "elasticsearch-exporter", "envoy", "pgbouncer", "haproxy", "nginx");

  static {
    for (String kind : new String[] {"postgres", "mysql", "mariadb", "mongo", "redis", "valkey", "rabbitmq",
        "elasticsearch", "opensearch", "minio", "etcd", "zookeeper", "kafka", "cassandra", "vault"}) {
      IMAGES.put(kind, kind);
    }
    IMAGES.put("postgresql", "postgres");
    IMAGES.put("postgis", "postgres");
    IMAGES.put("timescaledb", "postgres");
    IMAGES.put("mongodb", "mongo");
    IMAGES.put("mongodb-community-server", "mongo");
    IMAGES.put("redis-stack-server", "redis");
    IMAGES.put("redis-stack", "redis");
    IMAGES.put("mysql-server", "mysql");
    IMAGES.put("cp-kafka", "kafka");
    IMAGES.put("cp-zookeeper", "zookeeper");
    IMAGES.put("rabbitmq-management", "rabbitmq");
  }

  private StatefulServers() {}

  /** The kind of server an image runs, or null. Management tags (rabbitmq:3-management) keep the kind. */
  public static String byImage(String image) {
    ImageRef ref = ImageRef.parse(image);
    if (STATELESS.contains(ref.name())) {
      return null;
    }
    return IMAGES.get(ref.name());
  }

  public static boolean isStatelessImage(String image) {
    return STATELESS.contains(ImageRef.parse(image).name());
  }

  public static String byPort(int port) {
    return PORTS.get(port);
  }

  /**
   * The data directory of a server image, or null when it is not known. Bitnami images keep data
   * under /bitnami/<name>; the official images use the documented paths above.
   */
  public static String dataDir(String kind, String image) {
    ImageRef ref = ImageRef.parse(image);
    if ("bitnami".equals(ref.owner()) || "bitnamilegacy".equals(ref.owner())) {
      return "/bitnami/" + ref.name();
    }
    if ("postgres".equals(kind) && !postgresBefore18(ref.tag())) {
      // From 18 the official image keeps data in /var/lib/postgresql/<major>/docker, declares the
      // volume at /var/lib/postgresql, and refuses to start with a mount at .../data.
      return POSTGRES_18_DATA;
    }
    return DATA_DIRS.get(kind);
  }

  /** Where postgres 18 and later (and an unpinned postgres, which is 18 or later) want their volume. */
  public static final String POSTGRES_18_DATA = "/var/lib/postgresql";

  /**
   * Whether a postgres image tag names a major version before 18: "16", "16.2-alpine", "17-bookworm",
   * "latest-pg17" (TimescaleDB), "16-3.4" (PostGIS). Unpinned tags (none, latest, alpine) are not.
   */
  static boolean postgresBefore18(String tag) {
    if (tag == null || tag.isEmpty()) {
      return false;
    }
    int at = tag.indexOf("pg");
    int i = at >= 0 && at + 2 < tag.length() && Character.isDigit(tag.charAt(at + 2)) ? at + 2 : 0;
    int major = 0;
    int digits = 0;
    for (; i < tag.length() && Character.isDigit(tag.charAt(i)) && digits < 4; i++, digits++) {
      major = major * 10 + (tag.charAt(i) - '0');
    }
    return digits > 0 && major < 18;
  }
}
