package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Objects as JSON trees, and the server-set fields an apply must not send. */
final class Trees {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

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
}
