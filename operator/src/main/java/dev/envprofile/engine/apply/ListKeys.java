package dev.envprofile.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The merge keys of Kubernetes' associative lists that promotions touch, so that a sparse apply
 * names list items the way the API server identifies them. Lists not named here are atomic.
 */
final class ListKeys {
  private ListKeys() {}

  /** The key fields of the list in {@code field}, given one of its items; empty when atomic. */
  static List<String> of(String field, JsonNode sampleItem) {
    return switch (field) {
      case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets" -> List.of("name");
      case "volumeMounts" -> List.of("mountPath");
      case "ports" -> sampleItem != null && sampleItem.has("containerPort")
          ? List.of("containerPort", "protocol") : List.of("port", "protocol");
      case "topologySpreadConstraints" -> List.of("topologyKey", "whenUnsatisfiable");
      default -> List.of();
    };
  }

  /** Whether two items have the same key; a missing protocol means TCP, as the API server defaults it. */
  static boolean sameKey(JsonNode a, JsonNode b, List<String> keys) {
    for (String k : keys) {
      if (!value(a, k).equals(value(b, k))) {
        return false;
      }
    }
    return true;
  }

  static String value(JsonNode item, String key) {
    JsonNode v = item.get(key);
    if ((v == null || v.isNull()) && key.equals("protocol")) {
      return "TCP";
    }
    return v == null ? "" : v.asText();
  }

  static JsonNode find(JsonNode list, JsonNode item, List<String> keys) {
    for (JsonNode candidate : list) {
      if (sameKey(candidate, item, keys)) {
        return candidate;
      }
    }
    return null;
  }
}
