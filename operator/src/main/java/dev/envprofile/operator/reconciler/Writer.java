package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write the operator makes to objects other than its profiles: server-side apply with
 * field manager envprofile-operator (forced: a promotion restores what drift changed), or a
 * JSON patch guarded by the object's resourceVersion where a field must be removed. Counts writes.
 */
final class Writer {
  private final KubernetesClient client;
  private final AtomicInteger writes = new AtomicInteger();

  Writer(KubernetesClient client) {
    this.client = client;
  }

  int writes() {
    return writes.get();
  }

  /** Server-side apply of a (possibly sparse) object tree. */
  void apply(ObjectNode tree) {
    GenericKubernetesResource r = Trees.SERIALIZATION.convertValue(tree, GenericKubernetesResource.class);
    writes.incrementAndGet();
    client.genericKubernetesResources(r.getApiVersion(), r.getKind())
        .inNamespace(r.getMetadata().getNamespace())
        .resource(r)
        .fieldManager(Labels.MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** A JSON patch (RFC 6902) that fails when the object changed since it was read. */
  void jsonPatch(HasMetadata live, ArrayNode ops) {
    ObjectNode test = ops.insertObject(0);
    test.put("op", "test");
    test.put("path", "/metadata/resourceVersion");
    test.put("value", live.getMetadata().getResourceVersion());
    writes.incrementAndGet();
    client.genericKubernetesResources(live.getApiVersion(), live.getKind())
        .inNamespace(live.getMetadata().getNamespace())
        .withName(live.getMetadata().getName())
        .patch(new PatchContext.Builder().withPatchType(PatchType.JSON).withFieldManager(Labels.MANAGER).build(),
            ops.toString());
  }
}
