package dev.envprofile.engine.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Objects as JSON trees, and the server-set fields an apply must not send. The model classes carry
 * their own Jackson annotations (null fields left out, quantities and int-or-strings as the API
 * writes them), so a plain mapper gives the tree the API server would.
 */
public final class Trees {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Trees() {}

  public static ObjectNode tree(HasMetadata o) {
    return (ObjectNode) JSON.convertValue(o, JsonNode.class);
  }

  /** A copy of {@code o} fit to apply: no status, no server-set metadata. */
  public static ObjectNode applyable(HasMetadata o) {
    ObjectNode t = tree(o);
    t.remove("status");
    ObjectNode meta = (ObjectNode) t.get("metadata");
    for (String f : new String[] {"managedFields", "resourceVersion", "uid", "generation", "creationTimestamp",
        "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"}) {
      meta.remove(f);
    }
    return t;
  }

  /** apiVersion, kind, name and namespace: what every sparse apply starts from. */
  public static ObjectNode identity(HasMetadata o) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("apiVersion", o.getApiVersion());
    t.put("kind", o.getKind());
    ObjectNode meta = t.putObject("metadata");
    meta.put("name", o.getMetadata().getName());
    meta.put("namespace", o.getMetadata().getNamespace());
    return t;
  }

  /** A copy of a tree for comparing what a user (or the promotion) set: no status, no server-set or ownership metadata. */
  public static ObjectNode comparable(ObjectNode tree) {
    ObjectNode t = tree.deepCopy();
    t.remove("status");
    ObjectNode meta = (ObjectNode) t.get("metadata");
    if (meta != null) {
      for (String f : new String[] {"managedFields", "resourceVersion", "uid", "generation", "creationTimestamp",
          "selfLink", "ownerReferences", "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds"}) {
        meta.remove(f);
      }
    }
    return t;
  }

  /** Paths the promotion may change in a user's object: not server-set metadata, not status. */
  public static boolean userField(String pointer) {
    return !pointer.startsWith("/status") && (!pointer.startsWith("/metadata/")
        || pointer.startsWith("/metadata/labels/") || pointer.startsWith("/metadata/annotations/"));
  }

  /** What a revert log records: the user fields, including a whole label or annotation map added at once. */
  public static boolean recordable(String pointer) {
    return userField(pointer) || pointer.equals("/metadata/labels") || pointer.equals("/metadata/annotations");
  }
}
