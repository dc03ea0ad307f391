package dev.envprofile.engine.facts;

/**
 * One variable of a container's effective environment, with where its value comes from.
 *
 * @param sourceName the ConfigMap or Secret it is read from (null for literals)
 * @param key the key in that ConfigMap or Secret (null for literals)
 * @param value the value when the engine can see it (literals, ConfigMap and Secret data), else null
 */
public record EnvEntry(String name, Source source, String sourceName, String key, String value) {
  public enum Source { LITERAL, CONFIGMAP_KEY, SECRET_KEY, CONFIGMAP_ENVFROM, SECRET_ENVFROM, OTHER }

  public boolean fromConfigMap() {
    return source == Source.CONFIGMAP_KEY || source == Source.CONFIGMAP_ENVFROM;
  }

  public boolean fromSecret() {
    return source == Source.SECRET_KEY || source == Source.SECRET_ENVFROM;
  }

  /** Where the value is set, for messages: "env DEBUG" or "ConfigMap/app-env key DEBUG". */
  public String origin() {
    return switch (source) {
      case LITERAL, OTHER -> "env " + name;
      case CONFIGMAP_KEY, CONFIGMAP_ENVFROM -> "ConfigMap/" + sourceName + " key " + key;
      case SECRET_KEY, SECRET_ENVFROM -> "Secret/" + sourceName + " key " + key;
    };
  }
}
