package dev.envprofile.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Deep merge of sparse trees, list items matched by their merge keys; {@code top} wins. */
public final class TreeMerge {
  private TreeMerge() {}

  public static ObjectNode merge(ObjectNode base, JsonNode top) {
    ObjectNode out = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> it = top.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode have = out.get(e.getKey());
      JsonNode want = e.getValue();
      if (have instanceof ObjectNode o && want.isObject()) {
        out.set(e.getKey(), merge(o, want));
      } else if (have instanceof ArrayNode a && want.isArray()) {
        out.set(e.getKey(), mergeList(a, (ArrayNode) want, e.getKey()));
      } else {
        out.set(e.getKey(), want.deepCopy());
      }
    }
    return out;
  }

  private static ArrayNode mergeList(ArrayNode base, ArrayNode top, String field) {
    List<String> keys = ListKeys.of(field, top.size() > 0 ? top.get(0) : base.size() > 0 ? base.get(0) : null);
    if (keys.isEmpty()) {
      return top.deepCopy();
    }
    ArrayNode out = base.deepCopy();
    for (JsonNode item : top) {
      boolean merged = false;
      for (int i = 0; i < out.size(); i++) {
        if (ListKeys.sameKey(out.get(i), item, keys)) {
          out.set(i, out.get(i) instanceof ObjectNode o && item.isObject() ? merge(o, item) : item.deepCopy());
          merged = true;
          break;
        }
      }
      if (!merged) {
        out.add(item.deepCopy());
      }
    }
    return out;
  }
}
