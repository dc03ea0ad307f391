package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.config.ConfigValues;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import dev.envprofile.engine.storage.StorageFacts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code security.unauthenticated-service}. */
public final class UnauthenticatedServiceCheck extends WorkloadCheck {
  public UnauthenticatedServiceCheck() {
    super(CheckInfo.of("security.unauthenticated-service", Severity.CRITICAL, Fix.NO,
        "A data service accepts clients without a password: redis without requirepass or a password variable, postgres with POSTGRES_HOST_AUTH_METHOD=trust, mongo without MONGO_INITDB_ROOT_PASSWORD, elasticsearch with xpack.security.enabled=false.",
        "Nothing: turning authentication on needs the clients' credentials too.",
        "redis-server started without --requirepass"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    StorageFacts.Server s = facts.storage().server(w);
    if (s == null) {
      return notApplicable();
    }
    Map<String, String> env = new HashMap<>();
    StringBuilder text = new StringBuilder();
    for (ConfigValues.Value v : ConfigValues.of(w, facts)) {
      if (v.container() != s.container()) {
        continue;
      }
      if (v.name() != null) {
        env.put(v.name().toUpperCase(Locale.ROOT), v.value());
      } else {
        text.append('\n').append(v.value());
      }
    }
    // Variables read from Secrets count as set: their values are not configuration to judge.
    for (var e : facts.env(s.container())) {
      if (e.fromSecret()) {
        env.putIfAbsent(e.name().toUpperCase(Locale.ROOT), "(secret)");
      }
    }
    String problem = problem(s.kind(), env, text.toString().toLowerCase(Locale.ROOT));
    if (problem == null) {
      return pass();
    } else {
      return fail(false, w + " runs " + s.kind() + ", which accepts clients without a password: " + problem);
    }
  }

  /** Why the server accepts anyone, or null. */
  static String problem(String kind, Map<String, String> env, String text) {
    switch (kind) {
      case "redis", "valkey" -> {
        boolean pass = text.contains("requirepass") || text.contains("--aclfile") || text.contains("aclfile ")
            || env.keySet().stream().anyMatch(k -> k.contains("PASSWORD") && !k.contains("ALLOW_EMPTY"))
            || env.getOrDefault("REDIS_ARGS", "").contains("requirepass");
        if ("yes".equalsIgnoreCase(env.get("ALLOW_EMPTY_PASSWORD"))) {
          return "ALLOW_EMPTY_PASSWORD=yes";
        }
        return pass ? null : "no requirepass and no password variable";
      }
      case "postgres" -> {
        if ("trust".equalsIgnoreCase(env.get("POSTGRES_HOST_AUTH_METHOD"))) {
          return "POSTGRES_HOST_AUTH_METHOD=trust";
        }
        if ("yes".equalsIgnoreCase(env.get("ALLOW_EMPTY_PASSWORD"))) {
          return "ALLOW_EMPTY_PASSWORD=yes";
        }
        return text.contains(" trust") && text.contains("host ") ? "pg_hba.conf with trust" : null;
      }
      case "mongo" -> {
        return env.containsKey("MONGO_INITDB_ROOT_PASSWORD") || env.containsKey("MONGO_INITDB_ROOT_PASSWORD_FILE")
            || env.containsKey("MONGODB_ROOT_PASSWORD") || text.contains("--auth")
            ? null : "no MONGO_INITDB_ROOT_PASSWORD: authentication is off";
      }
      case "elasticsearch", "opensearch" -> {
        String x = env.getOrDefault("XPACK.SECURITY.ENABLED", env.getOrDefault("XPACK_SECURITY_ENABLED", ""));
        if ("false".equalsIgnoreCase(x) || text.contains("xpack.security.enabled=false")
            || text.contains("xpack.security.enabled: false")) {
          return "xpack.security.enabled=false";
        }
        if ("true".equalsIgnoreCase(env.get("DISABLE_SECURITY_PLUGIN")) || text.contains("plugins.security.disabled: true")) {
          return "security plugin disabled";
        }
        return null;
      }
      case "mysql", "mariadb" -> {
        if ("yes".equalsIgnoreCase(env.get("MYSQL_ALLOW_EMPTY_PASSWORD")) || "1".equals(env.get("MYSQL_ALLOW_EMPTY_PASSWORD"))
            || "yes".equalsIgnoreCase(env.get("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"))
            || "yes".equalsIgnoreCase(env.get("ALLOW_EMPTY_PASSWORD"))) {
          return "empty root password allowed";
        }
        return null;
      }
      case "minio" -> {
        return env.containsKey("MINIO_ROOT_PASSWORD") || env.containsKey("MINIO_SECRET_KEY")
            || env.containsKey("MINIO_ROOT_PASSWORD_FILE") ? null : "no MINIO_ROOT_PASSWORD: the default minioadmin keys work";
      }
      default -> {
        return null;
      }
    }
  }
}
