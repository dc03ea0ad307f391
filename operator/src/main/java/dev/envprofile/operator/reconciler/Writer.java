package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.plan.Target;
import dev.envprofile.operator.policy.NamespaceGate;
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
 * It decides nothing: what to write comes from the engine's plan.
 */
final class Writer {
  static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
      new io.fabric8.kubernetes.client.utils.KubernetesSerialization();

  private final KubernetesClient client;
  private final String operatorNamespace;
  private final AtomicInteger writes = new AtomicInteger();

  /** {@code operatorNamespace}: where the revert logs are, the one write allowed there. */
  Writer(KubernetesClient client, String operatorNamespace) {
    this.client = client;
    this.operatorNamespace = operatorNamespace;
  }

  /** Thrown before a write the operator never makes: the chart's ValidatingAdmissionPolicy refuses it too. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Never a write in a system namespace, in the operator's own other than a revert log, or of a
   * Secret whose type is not Opaque (a tls or service-account-token Secret is never the operator's).
   */
  private void guard(String kind, String namespace, String name, String secretType) {
    if (namespace != null && NamespaceGate.SYSTEM.contains(namespace)) {
      throw new Refused(kind + "/" + name + ": the operator never writes in " + namespace);
    }
    if (namespace != null && namespace.equals(operatorNamespace)
        && !("Secret".equals(kind) && name != null && name.startsWith(RevertLog.NAME_PREFIX))) {
      throw new Refused(kind + "/" + name + ": the operator writes only its revert logs in " + namespace);
    }
    if ("Secret".equals(kind) && secretType != null && !"Opaque".equals(secretType)) {
      throw new Refused("Secret/" + name + " is of type " + secretType + ": the operator writes only Opaque Secrets");
    }
  }

  int writes() {
    return writes.get();
  }

  /** Server-side apply of a (possibly sparse) object tree. */
  void apply(ObjectNode tree) {
    if ("Secret".equals(tree.path("kind").asText()) && !tree.has("type")) {
      tree.put("type", "Opaque"); // said explicitly: an apply onto a Secret of another type then fails
    }
    GenericKubernetesResource r = Writer.SERIALIZATION.convertValue(tree, GenericKubernetesResource.class);
    guard(r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName(), tree.path("type").asText(null));
    writes.incrementAndGet();
    GenericResources.of(client, r.getApiVersion(), r.getKind())
        .inNamespace(r.getMetadata().getNamespace())
        .resource(r)
        .fieldManager(Labels.MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** A JSON patch (RFC 6902) that fails when the object changed since it was read. */
  void jsonPatch(HasMetadata live, ArrayNode ops) {
    jsonPatch(Target.of(live), ops);
  }

  void jsonPatch(Target live, ArrayNode ops) {
    guard(live.kind(), live.namespace(), live.name(), live.secretType());
    ObjectNode test = ops.insertObject(0);
    test.put("op", "test");
    test.put("path", "/metadata/resourceVersion");
    test.put("value", live.resourceVersion());
    writes.incrementAndGet();
    GenericResources.of(client, live.apiVersion(), live.kind())
        .inNamespace(live.namespace())
        .withName(live.name())
        .patch(new PatchContext.Builder().withPatchType(PatchType.JSON).withFieldManager(Labels.MANAGER).build(),
            ops.toString());
  }

  /**
   * A guarded JSON patch that, when the object changed since the plan read it only in what the
   * server and controllers write (status, resourceVersion, managed fields), is sent again against
   * the fresh version: its operations were computed without those fields, so they still hold. A
   * change to what a user or the promotion sets fails it, as any guarded patch (the next reconcile
   * plans again).
   */
  void jsonPatchRebased(Target target, ArrayNode ops) {
    Target current = target;
    for (int attempt = 1; ; attempt++) {
      try {
        jsonPatch(current, ops.deepCopy());
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (attempt == 3 || (e.getCode() != 409 && e.getCode() != 422) || target.seen() == null) {
          throw e;
        }
        GenericKubernetesResource fresh = GenericResources.of(client, target.apiVersion(), target.kind())
            .inNamespace(target.namespace()).withName(target.name()).get();
        if (fresh == null || !target.seen().equals(dev.envprofile.engine.apply.Trees.comparable(
            dev.envprofile.engine.apply.Trees.tree(fresh)))) {
          throw e;
        }
        current = Target.of(fresh);
      }
    }
  }

  /** Deletes an object the operator generated; {@code guarded}: only if it is still the one that was read. */
  void delete(Target live, boolean guarded) {
    guard(live.kind(), live.namespace(), live.name(), live.secretType());
    writes.incrementAndGet();
    var resource = GenericResources.of(client, live.apiVersion(), live.kind()).inNamespace(live.namespace())
        .withName(live.name());
    if (guarded) {
      resource.lockResourceVersion(live.resourceVersion()).delete();
    } else {
      resource.delete();
    }
  }

  /**
   * Drops this manager's entries from an object's managed fields. Controllers write status all the
   * time, so the guarded patch starts from a fresh read and gets a few tries.
   */
  void releaseFields(Target target) {
    for (int attempt = 1; ; attempt++) {
      GenericKubernetesResource o = GenericResources.of(client, target.apiVersion(), target.kind())
          .inNamespace(target.namespace()).withName(target.name()).get();
      if (o == null || o.getMetadata().getManagedFields() == null
          || o.getMetadata().getManagedFields().stream().noneMatch(m -> Labels.MANAGER.equals(m.getManager()))) {
        return;
      }
      try {
        jsonPatch(o, releasePatch(o));
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (attempt == 3 || (e.getCode() != 409 && e.getCode() != 422)) {
          throw e;
        }
      }
    }
  }

  private static ArrayNode releasePatch(HasMetadata o) {
    ArrayNode kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (var entry : dev.envprofile.engine.apply.Trees.tree(o).path("metadata").path("managedFields")) {
      if (!Labels.MANAGER.equals(entry.path("manager").asText())) {
        kept.add(entry);
      }
    }
    if (kept.isEmpty()) {
      kept.addObject(); // [{}] clears the list; an empty list would leave it as it is
    }
    ArrayNode ops = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    ops.addObject().put("op", "replace").put("path", "/metadata/managedFields").set("value", kept);
    return ops;
  }
}
