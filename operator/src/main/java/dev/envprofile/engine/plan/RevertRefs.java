package dev.envprofile.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * References in place of values in the revert log: with provider ExternalSecret the log keeps,
 * for a credential External Secrets Operator synced, the Secret and key that hold it, never the
 * value; a Revert reads it back from there.
 */
public final class RevertRefs {
  /** Key of a reference in place of a value: {"$secretRef": {"name": Secret, "key": key}}. */
  public static final String REF = "$secretRef";

  private RevertRefs() {}

  /** {@code value} with every string that {@code refs} knows replaced by its reference. */
  public static JsonNode referenced(JsonNode value, Map<String, ObjectNode> refs) {
    if (value.isTextual() && refs.containsKey(value.asText())) {
      return JsonNodeFactory.instance.objectNode().set(REF, refs.get(value.asText()).deepCopy());
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value.fields().forEachRemaining(f -> out.set(f.getKey(), referenced(f.getValue(), refs)));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> out.add(referenced(v, refs)));
      return out;
    }
    return value;
  }

  /**
   * {@code value} with every reference replaced by the value its Secret holds now ({@code read}
   * gives a Secret's key, or null); null when a referenced value is gone.
   */
  public static JsonNode resolved(JsonNode value, java.util.function.BiFunction<String, String, String> read) {
    if (value.isObject() && value.size() == 1 && value.has(REF)) {
      String v = read.apply(value.get(REF).path("name").asText(), value.get(REF).path("key").asText());
      return v == null ? null : JsonNodeFactory.instance.textNode(v);
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (var it = value.fields(); it.hasNext(); ) {
        var f = it.next();
        JsonNode r = resolved(f.getValue(), read);
        if (r == null) {
          return null;
        }
        out.set(f.getKey(), r);
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode v : value) {
        JsonNode r = resolved(v, read);
        if (r == null) {
          return null;
        }
        out.add(r);
      }
      return out;
    }
    return value;
  }
}
