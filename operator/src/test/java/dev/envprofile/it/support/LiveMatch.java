package dev.envprofile.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether a live object holds everything an offline promotion rendered: every field of the
 * expected object is in the live one with the same value; the server's additions (defaults,
 * status, managed fields, owner references) do not matter, and quantities compare by value
 * ("1024Mi" is "1Gi").
 */
public final class LiveMatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveMatch() {}

  /** For each expected object, what the cluster lacks or holds differently ("Kind/name.path: ..."). */
  public static List<String> inCluster(io.fabric8.kubernetes.client.KubernetesClient client,
                                List<io.fabric8.kubernetes.api.model.HasMetadata> expected) {
    List<String> out = new ArrayList<>();
    for (var e : expected) {
      var live = client.resource(e).get();
      String name = e.getKind() + "/" + e.getMetadata().getName();
      if (live == null) {
        out.add(name + " is missing");
      } else {
        differences(e, live).forEach(d -> out.add(name + d));
      }
    }
    return out;
  }

  /** The differences, as paths with expected and live values; empty when the live object matches. */
  public static List<String> differences(Object expected, Object live) {
    List<String> out = new ArrayList<>();
    compare(JSON.valueToTree(expected), JSON.valueToTree(live), "", out);
    return out;
  }

  private static void compare(JsonNode e, JsonNode a, String path, List<String> out) {
    if (e == null || e.isNull()) {
      return;
    }
    if (a == null || a.isMissingNode() || a.isNull()) {
      if (!(e.isContainerNode() && e.isEmpty())) {
        out.add(path + ": expected " + e + ", missing");
      }
      return;
    }
    if (e.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (path.isEmpty() && f.getKey().equals("status")) {
          continue;
        }
        if (f.getKey().equals("serviceAccount") && e.has("serviceAccountName")) {
          continue; // the deprecated alias: the API server overwrites it with serviceAccountName's value
        }
        compare(f.getValue(), a.get(f.getKey()), path + "." + f.getKey(), out);
      }
    } else if (e.isArray()) {
      if (!a.isArray() || a.size() != e.size()) {
        out.add(path + ": expected " + e.size() + " items, live has " + (a.isArray() ? a.size() : a.getNodeType()));
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(e.get(i), a.get(i), path + "[" + i + "]", out);
      }
    } else if (!e.asText().equals(a.asText()) && !sameQuantity(e.asText(), a.asText())) {
      out.add(path + ": expected " + e + ", live " + a);
    }
  }

  private static boolean sameQuantity(String a, String b) {
    try {
      return new Quantity(a).getNumericalAmount().compareTo(new Quantity(b).getNumericalAmount()) == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
