package dev.envprofile.engine.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Environment variables that switch an application into development mode (security.dev-mode). */
public final class DevSwitches {
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "y");
  private static final Set<String> DEV = Set.of("dev", "development", "local", "develop");

  private DevSwitches() {}

  /** Why this variable is a dev switch, or null. Values here are modes, never credentials. */
  public static String check(String name, String value) {
    if (name == null || value == null) {
      return null;
    }
    String n = name.toUpperCase(Locale.ROOT);
    String v = value.strip().toLowerCase(Locale.ROOT);
    if ((n.equals("DEBUG") || n.endsWith("_DEBUG")) && TRUE.contains(v)) {
      return name + "=" + value;
    }
    if (n.equals("VAULT_DEV_ROOT_TOKEN_ID") || n.equals("VAULT_DEV_LISTEN_ADDRESS")) {
      return name + " is set (vault dev server)";
    }
    if ((n.equals("LOG_LEVEL") || n.endsWith("_LOG_LEVEL") || n.equals("LOGLEVEL")) && (v.equals("debug") || v.equals("trace"))) {
      return name + "=" + value;
    }
    if ((n.equals("AUTH_MODE") || n.equals("AUTH") || n.endsWith("_AUTH_MODE")) && Set.of("none", "disabled", "off", "false").contains(v)) {
      return name + "=" + value;
    }
    boolean envName = switch (n) {
      case "NODE_ENV", "RAILS_ENV", "RACK_ENV", "FLASK_ENV", "APP_ENV", "ENVIRONMENT", "ENV", "GO_ENV", "MIX_ENV",
          "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "QUARKUS_PROFILE", "MICRONAUT_ENVIRONMENTS" -> true;
      default -> false;
    };
    if (envName && DEV.contains(v)) {
      return name + "=" + value;
    }
    if ((n.equals("SPRING_PROFILES_ACTIVE") || n.equals("SPRING_PROFILES_INCLUDE"))
        && Arrays.stream(v.split("\\s*,\\s*")).anyMatch(DEV::contains)) {
      return name + "=" + value;
    }
    if (n.equals("DJANGO_SETTINGS_MODULE") && (v.contains("dev") || v.contains("local"))) {
      return name + "=" + value;
    }
    if (n.equals("GIN_MODE") && v.equals("debug")) {
      return name + "=" + value;
    }
    return null;
  }

  /** A dev server started by its command line: vault server -dev, flask run --debug, ... */
  public static String commandLine(String commandLine) {
    String c = " " + commandLine.toLowerCase(Locale.ROOT) + " ";
    if (c.contains(" vault ") && c.contains(" server ") && c.contains(" -dev")) {
      return "vault server -dev (in-memory and unsealed)";
    }
    if (c.contains("--debug ") && (c.contains(" flask ") || c.contains(" uvicorn ")) || c.contains(" --reload ")) {
      return "development server flags (--debug/--reload)";
    }
    if (c.contains(" manage.py runserver ")) {
      return "django runserver (development server)";
    }
    if (c.contains(" npm run dev ") || c.contains(" yarn dev ") || c.contains(" next dev ") || c.contains(" nodemon ")) {
      return "a development server (npm run dev / nodemon)";
    }
    return null;
  }
}
