package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Objects as JSON trees, and the server-set fields an apply must not send. */
final class Trees {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private Trees() {}

  static ObjectNode tree(HasMetadata o) {
    return (ObjectNode) SERIALIZATION.convertValue(o, JsonNode.class);
  }

  /** A copy of {@code o} fit to apply: no status, no server-set metadata. */
  static ObjectNode applyable(HasMetadata o) {
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
  static ObjectNode identity(HasMetadata o) {
    ObjectNode t = SERIALIZATION.convertValue(java.util.Map.of(), ObjectNode.class);
    t.put("apiVersion", o.getApiVersion());
    t.put("kind", o.getKind());
    ObjectNode meta = t.putObject("metadata");
    meta.put("name", o.getMetadata().getName());
    meta.put("namespace", o.getMetadata().getNamespace());
    return t;
  }

  /** A copy of a tree for comparing what a user (or the promotion) set: no status, no server-set or ownership metadata. */
  static ObjectNode comparable(ObjectNode tree) {
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
  static boolean userField(String pointer) {
    return !pointer.startsWith("/status") && (!pointer.startsWith("/metadata/")
        || pointer.startsWith("/metadata/labels/") || pointer.startsWith("/metadata/annotations/"));
  }

  /** What a revert log records: the user fields, including a whole label or annotation map added at once. */
  static boolean recordable(String pointer) {
    return userField(pointer) || pointer.equals("/metadata/labels") || pointer.equals("/metadata/annotations");
  }
}
