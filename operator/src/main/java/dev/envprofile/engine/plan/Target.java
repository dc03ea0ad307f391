package dev.envprofile.engine.plan;

import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The live object a patch or delete acts on, as it was read: a patch is guarded by its
 * resourceVersion, so a concurrent edit makes it fail instead of being overwritten.
 *
 * @param secretType a Secret's type ("Opaque" when unset), null for other kinds: the writer refuses any other type
 */
public record Target(String apiVersion, String kind, String namespace, String name, String resourceVersion,
                     String secretType, com.fasterxml.jackson.databind.node.ObjectNode seen) {

  /**
   * The object as read; {@code seen} is its content without what the server writes, against which a
   * patch may be sent again when only the server's fields changed since.
   */
  public static Target of(HasMetadata live) {
    String type = live instanceof Secret s ? (s.getType() == null ? "Opaque" : s.getType())
        : live instanceof GenericKubernetesResource g && g.getAdditionalProperties().get("type") instanceof String t ? t
        : null;
    return new Target(live.getApiVersion(), live.getKind(), live.getMetadata().getNamespace(),
        live.getMetadata().getName(), live.getMetadata().getResourceVersion(), type,
        dev.envprofile.engine.apply.Trees.comparable(dev.envprofile.engine.apply.Trees.tree(live)));
  }

  public ObjectRef ref() {
    return new ObjectRef(kind, namespace, name);
  }
}
