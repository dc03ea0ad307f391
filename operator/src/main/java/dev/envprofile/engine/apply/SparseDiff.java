package dev.envprofile.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a promotion changes in a user-owned object, as a sparse tree: only the fields whose desired
 * value differs from the live one (list items identified by their merge keys), plus the JSON
 * pointers of what it removes. Server-set fields are ignored.
 */
public final class SparseDiff {
  private static final Set<String> IGNORED_METADATA = Set.of("managedFields", "resourceVersion", "uid", "generation",
      "creationTimestamp", "selfLink", "ownerReferences", "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SparseDiff() {}

  /** Fields set or changed by {@code desired}, or null when it adds nothing to {@code live}. */
  public static ObjectNode changes(JsonNode live, JsonNode desired) {
    ObjectNode out = objectDiff(live, desired, "");
    return out.isEmpty() ? null : out;
  }

  /** JSON pointers (into {@code live}) of fields that {@code desired} no longer has, deepest last. */
  public static List<String> removals(JsonNode live, JsonNode desired) {
    List<String> out = new ArrayList<>();
    removals(live, desired, "", "", out);
    return out;
  }

  private static ObjectNode objectDiff(JsonNode live, JsonNode desired, String path) {
    ObjectNode out = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String name = e.getKey();
      if (ignored(path, name)) {
        continue;
      }
      JsonNode want = e.getValue();
      JsonNode have = live == null ? null : live.get(name);
      JsonNode d = diff(have, want, path + "/" + name, name);
      if (d != null) {
        out.set(name, d);
      }
    }
    return out;
  }

  private static JsonNode diff(JsonNode have, JsonNode want, String path, String field) {
    if (have == null || have.isNull()) {
      return want.isNull() ? null : want;
    }
    if (want.isObject() && have.isObject()) {
      ObjectNode d = objectDiff(have, want, path);
      return d.isEmpty() ? null : d;
    }
    if (want.isArray() && have.isArray()) {
      List<String> keys = ListKeys.of(field, want.size() > 0 ? want.get(0) : have.size() > 0 ? have.get(0) : null);
      if (keys.isEmpty()) {
        return covers(have, want) ? null : want;
      }
      ArrayNode items = NODES.arrayNode();
      for (JsonNode item : want) {
        JsonNode match = ListKeys.find(have, item, keys);
        if (match == null) {
          items.add(item);
          continue;
        }
        ObjectNode d = objectDiff(match, item, path + "[]");
        if (!d.isEmpty()) {
          for (String k : keys) {
            if (item.has(k)) {
              d.set(k, item.get(k));
            }
          }
          items.add(d);
        }
      }
      return items.isEmpty() ? null : items;
    }
    return covers(have, want) ? null : want;
  }

  /**
   * Whether {@code have} already says everything {@code want} says: the API server adds defaults
   * (protocol, status of claim templates), which must not count as a difference.
   */
  static boolean covers(JsonNode have, JsonNode want) {
    return covers(have, want, (h, w) -> w.equals(h) || (w.isNumber() && h.isNumber() && w.asText().equals(h.asText())));
  }

  /** Like {@link #covers(JsonNode, JsonNode)}, with the caller's notion of equal scalars. */
  public static boolean covers(JsonNode have, JsonNode want, java.util.function.BiPredicate<JsonNode, JsonNode> sameLeaf) {
    if (want.isObject()) {
      if (!have.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = want.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode h = have.get(e.getKey());
        if (e.getValue().isNull() ? h != null && !h.isNull() : h == null || !covers(h, e.getValue(), sameLeaf)) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!covers(have.get(i), want.get(i), sameLeaf)) {
          return false;
        }
      }
      return true;
    }
    return sameLeaf.test(have, want);
  }

  private static void removals(JsonNode live, JsonNode desired, String path, String field, List<String> out) {
    if (live.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = live.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (ignored(path, e.getKey()) || (path.isEmpty() && e.getKey().equals("status"))) {
          continue;
        }
        String p = path + "/" + escape(e.getKey());
        JsonNode want = desired == null ? null : desired.get(e.getKey());
        if (want == null || want.isNull()) {
          out.add(p);
        } else {
          removals(e.getValue(), want, p, e.getKey(), out);
        }
      }
    } else if (live.isArray() && desired.isArray()) {
      List<String> keys = ListKeys.of(field, live.size() > 0 ? live.get(0) : null);
      if (keys.isEmpty()) {
        return;
      }
      List<String> items = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        JsonNode match = ListKeys.find(desired, live.get(i), keys);
        if (match == null) {
          items.add(path + "/" + i);
        } else {
          removals(live.get(i), match, path + "/" + i, "", out);
        }
      }
      // Remove list items from the end so that earlier indexes stay valid.
      for (int i = items.size() - 1; i >= 0; i--) {
        out.add(items.get(i));
      }
    }
  }

  private static boolean ignored(String path, String name) {
    return (path.isEmpty() && name.equals("status")) || (path.equals("/metadata") && IGNORED_METADATA.contains(name));
  }

  /** A map key as one JSON pointer segment (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
