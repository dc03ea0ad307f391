package dev.envprofile.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The part of a live object that one field manager owns, read from its managedFields entry
 * (fieldsV1: "f:name" fields, "k:{...}" list items by key, "v:..." set values, "." the item
 * itself). Server-side apply removes owned fields an apply leaves out, so every apply restates
 * what the operator already owns.
 */
public final class OwnedFields {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OwnedFields() {}

  /** The sparse tree of {@code live} owned by {@code manager} through Apply, or an empty object. */
  public static ObjectNode of(JsonNode live, String manager) {
    ObjectNode out = NODES.objectNode();
    JsonNode managed = live.path("metadata").path("managedFields");
    for (JsonNode entry : managed) {
      if (manager.equals(entry.path("manager").asText()) && "Apply".equals(entry.path("operation").asText())
          && entry.path("subresource").asText("").isEmpty()) {
        JsonNode extracted = extract(live, entry.path("fieldsV1"));
        if (extracted != null && extracted.isObject()) {
          out.setAll((ObjectNode) extracted);
        }
      }
    }
    return out;
  }

  private static JsonNode extract(JsonNode live, JsonNode fields) {
    if (live == null || fields == null || !fields.isObject()) {
      return null;
    }
    if (live.isObject()) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().startsWith("f:")) {
          continue;
        }
        String name = e.getKey().substring(2);
        JsonNode child = live.get(name);
        if (child == null) {
          continue;
        }
        JsonNode sub = e.getValue();
        if (sub.isEmpty() || (sub.size() == 1 && sub.has("."))) {
          out.set(name, child);
        } else {
          JsonNode x = extract(child, sub);
          if (x != null) {
            out.set(name, x);
          }
        }
      }
      return out;
    }
    if (live.isArray()) {
      ArrayNode out = NODES.arrayNode();
      Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("k:")) {
          JsonNode key = parse(e.getKey().substring(2));
          JsonNode item = findByKey(live, key);
          if (item != null) {
            JsonNode x = e.getValue().size() <= 1 ? item : extract(item, e.getValue());
            if (x instanceof ObjectNode o) {
              key.fields().forEachRemaining(k -> o.set(k.getKey(), k.getValue()));
            }
            out.add(x == null ? item : x);
          }
        } else if (e.getKey().startsWith("v:")) {
          out.add(parse(e.getKey().substring(2)));
        }
      }
      return out;
    }
    return live;
  }

  private static JsonNode findByKey(JsonNode list, JsonNode key) {
    for (JsonNode item : list) {
      boolean all = true;
      Iterator<Map.Entry<String, JsonNode>> it = key.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> k = it.next();
        JsonNode v = item.get(k.getKey());
        if (v == null || !v.asText().equals(k.getValue().asText())) {
          all = false;
          break;
        }
      }
      if (all) {
        return item;
      }
    }
    return null;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return NODES.nullNode();
    }
  }
}
