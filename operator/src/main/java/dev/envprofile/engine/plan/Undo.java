package dev.envprofile.engine.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives back a revert log's edits to an object, newest first. An edit is undone only where the
 * object still holds what the operator wrote; where someone changed the field since, their value
 * wins and the path is reported as a conflict. An edit outside {@link RevertablePaths} (a path the
 * engine never writes, or a value that would grant a privilege) is never undone: it is refused,
 * whatever the log says. Undoing twice changes nothing the second time.
 */
public final class Undo {
  /** The object with the edits undone, the paths left alone and the paths refused (never their values). */
  public record Outcome(ObjectNode object, List<String> conflicts, List<String> refused) {}

  private Undo() {}

  public static Outcome apply(ObjectNode current, ArrayNode edits, String kind) {
    ObjectNode t = current.deepCopy();
    List<String> conflicts = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (int i = edits.size() - 1; i >= 0; i--) {
      JsonNode e = edits.get(i);
      String path = e.path("path").asText("");
      JsonNode original = e.path("o");
      JsonNode written = e.path("w");
      if (!RevertablePaths.allowed(kind, path, original, written)) {
        refused.add(path);
        continue;
      }
      boolean ok;
      try {
        ok = undo(t, e.path("op").asText(""), path, original, written);
      } catch (IllegalArgumentException | IndexOutOfBoundsException bad) {
        ok = false; // a pointer that does not fit the object
      }
      if (!ok) {
        conflicts.add(path);
      }
    }
    return new Outcome(t, conflicts, refused);
  }

  private static boolean undo(ObjectNode t, String op, String path, JsonNode original, JsonNode written) {
    JsonNode now = t.at(path);
    return switch (op) {
      case "add" -> now.isMissingNode() || (covers(now, written) && remove(t, path));
      case "remove" -> same(now, original) || insert(t, path, original, now);
      case "replace" -> same(now, original) || (covers(now, written) && replace(t, path, original));
      default -> false;
    };
  }

  private static boolean remove(ObjectNode t, String path) {
    JsonPointer p = JsonPointer.compile(path);
    JsonNode parent = t.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.remove(last);
      return true;
    }
    if (parent instanceof ArrayNode a) {
      a.remove(p.last().getMatchingIndex());
      return true;
    }
    return false;
  }

  /** Puts back a removed value: a member where it is missing, an element at its old index. */
  private static boolean insert(ObjectNode t, String path, JsonNode value, JsonNode now) {
    JsonPointer p = JsonPointer.compile(path);
    JsonNode parent = parent(t, p);
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o && now.isMissingNode()) {
      o.set(last, value.deepCopy());
      return true;
    }
    if (parent instanceof ArrayNode a) {
      int index = "-".equals(last) ? a.size() : p.last().getMatchingIndex();
      if (index >= 0 && index <= a.size()) {
        a.insert(index, value.deepCopy());
        return true;
      }
    }
    return false;
  }

  private static boolean replace(ObjectNode t, String path, JsonNode value) {
    JsonPointer p = JsonPointer.compile(path);
    JsonNode parent = t.at(p.head());
    if (parent instanceof ObjectNode o) {
      o.set(p.last().getMatchingProperty(), value.deepCopy());
      return true;
    }
    if (parent instanceof ArrayNode a) {
      a.set(p.last().getMatchingIndex(), value.deepCopy());
      return true;
    }
    return false;
  }

  /** The parent container of {@code p}, creating missing objects on the way (a map emptied since). */
  private static JsonNode parent(ObjectNode t, JsonPointer p) {
    JsonPointer head = p.head();
    JsonNode parent = t.at(head);
    if (!parent.isMissingNode() || head.matches()) {
      return parent;
    }
    JsonNode grand = parent(t, head);
    if (grand instanceof ObjectNode g) {
      return g.putObject(head.last().getMatchingProperty());
    }
    return parent;
  }

  /**
   * Whether {@code now} is what the operator wrote, give or take the defaults the API server filled
   * in (a probe written as tcpSocket and period comes back with thresholds and timeouts).
   */
  static boolean covers(JsonNode now, JsonNode written) {
    return dev.envprofile.engine.apply.SparseDiff.covers(now, written, Undo::same);
  }

  /** Equal JSON, with quantities equal by value ("1Gi" is "1024Mi": the server may rewrite them). */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.isMissingNode() || b.isMissingNode()) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isValueNode() && b.isValueNode()) {
      return sameQuantity(a.asText(), b.asText());
    }
    if (a.isObject() && b.isObject() && a.size() == b.size()) {
      var names = a.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!same(a.get(n), b.path(n))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean sameQuantity(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || !Character.isDigit(a.charAt(0)) && a.charAt(0) != '.'
        || !Character.isDigit(b.charAt(0)) && b.charAt(0) != '.') {
      return false;
    }
    try {
      return new Quantity(a).getNumericalAmount().compareTo(new Quantity(b).getNumericalAmount()) == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
