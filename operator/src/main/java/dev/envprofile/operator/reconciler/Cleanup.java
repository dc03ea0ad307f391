package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.apply.Trees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import dev.envprofile.engine.apply.SparseDiff;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import dev.envprofile.engine.credentials.SecretObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a profile does (its finalizer). Retain: the production shape stays; generated
 * objects lose their owner reference, so garbage collection keeps them. Revert: source
 * Deployments get their replicas back, then the revert log's edits are undone (ConfigMap keys
 * first, then their consumers), the operator's field ownership is released, and generated
 * objects go: policies, budgets, autoscalers, Services, StatefulSets, and the Secrets and
 * ExternalSecrets no workload reads any more. No PersistentVolumeClaim is ever deleted. Every
 * step is idempotent: a failed step keeps the finalizer and the whole cleanup runs again.
 */
final class Cleanup {
  private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

  private final KubernetesClient client;
  private final EnvironmentProfile profile;
  private final EventRecorder events;
  private final Writer writer;
  private final String ns;
  private final RevertLogStore logs;
  private final List<String> problems = new ArrayList<>();
  private boolean revert;
  private int restored;
  private int edited;
  private int deleted;
  private int kept;

  Cleanup(KubernetesClient client, EnvironmentProfile profile, EventRecorder events, RevertLogStore logs) {
    this.client = client;
    this.profile = profile;
    this.events = events;
    this.logs = logs;
    this.writer = new Writer(client, logs.namespace());
    this.ns = profile.getMetadata().getNamespace();
  }

  /** Runs the cleanup; the problems it met, as "Kind/name: reason" (empty when it is done). */
  List<String> run() {
    revert = profile.getSpec() != null && profile.getSpec().deletionPolicy == DeletionPolicy.Revert;
    Set<String> read = Set.of();
    if (revert) {
      step("restore Deployments", this::restoreDeployments);
      step("undo edits", this::undoEdits);
      // Listed once the consumers have moved back: what they read now decides which Secrets stay
      // (a failed list throws: without it no Secret may be judged unread).
      List<HasMetadata> workloads = userWorkloads();
      step("release fields", () -> releaseOwnership(workloads));
      read = SecretReaders.secretsRead(workloads);
    }
    for (HasMetadata o : generated()) {
      if (RevertLog.isRevertLog(o)) {
        continue;
      }
      try {
        if (revert && removedOnRevert(o, read)) {
          delete(o);
          deleted++;
        } else {
          dropOwner(o);
          kept++;
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) { // gone already (the namespace is being deleted): nothing to clean
          problems.add(o.getKind() + "/" + o.getMetadata().getName() + ": " + PlanExecutor.reason(e));
        }
      }
    }
    if (problems.isEmpty()) {
      // The log holds copies of credential values: it goes as soon as nothing needs it.
      step("delete the revert log", () -> logs.delete(profile));
    }
    return problems;
  }

  /** What a completed cleanup did, for the operator's log: one line, counts only. */
  String summary() {
    return revert
        ? "reverted: " + count(restored, "Deployment") + " given their replicas back, edits undone on "
            + count(edited, "object") + ", " + count(deleted, "generated object") + " deleted, "
            + count(kept, "Secret") + " still read kept without owner"
        : "deletionPolicy Retain: " + count(kept, "generated object") + " kept without owner, user objects left promoted";
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void step(String what, Runnable r) {
    try {
      r.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        problems.add(what + ": " + PlanExecutor.reason(e));
      }
    }
  }

  /** What the kind registry says a Revert does with a generated object of this kind. */
  private static boolean removedOnRevert(HasMetadata o, Set<String> read) {
    Kind kind = Kinds.of(o.getKind());
    if (kind == null || kind.onRevert() == Kind.OnRevert.KEEP) {
      return false;
    }
    if (kind.onRevert() == Kind.OnRevert.DELETE) {
      return true;
    }
    String secret = o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind())
        ? SecretObjects.externalSecretTarget(g) : o.getMetadata().getName();
    return !read.contains(secret);
  }

  /** Every object of a generated kind (the registry's) that carries the operator's label. */
  private List<HasMetadata> generated() {
    List<HasMetadata> out = new ArrayList<>();
    for (Kind kind : Kinds.ALL_KINDS) {
      if (!kind.generated()) {
        continue;
      }
      if (kind.model() != null) {
        out.addAll(client.resources(kind.model()).inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER)
            .list().getItems());
      } else {
        NamespaceSnapshot.generic(client, kind, ns).stream().filter(Labels::isManaged).forEach(out::add);
      }
    }
    LOG.debug("cleanup of {} generated objects", out.size());
    return out;
  }

  private void dropOwner(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    if (refs == null) {
      return;
    }
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (profile.getMetadata().getUid().equals(refs.get(i).getUid())) {
        ops.addObject().put("op", "remove").put("path", "/metadata/ownerReferences/" + i);
      }
    }
    if (!ops.isEmpty()) {
      writer.jsonPatch(o, ops);
    }
  }

  private void delete(HasMetadata o) {
    client.genericKubernetesResources(o.getApiVersion(), o.getKind()).inNamespace(ns)
        .withName(o.getMetadata().getName()).delete();
  }

  /** Source Deployments get their replicas back before their StatefulSets are deleted. */
  private void restoreDeployments() {
    for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
      if (!dev.envprofile.engine.PromotedTo.present(d)) {
        continue;
      }
      Map<String, String> a = d.getMetadata().getAnnotations();
      ArrayNode ops = JsonNodeFactory.instance.arrayNode();
      ops.addObject().put("op", "replace").put("path", "/spec/replicas")
          .put("value", NamespaceSnapshot.originalReplicas(a.get(Labels.ORIGINAL_REPLICAS)));
      ops.addObject().put("op", "remove").put("path", "/metadata/annotations/" + SparseDiff.escape(Labels.PROMOTED_TO));
      if (a.containsKey(Labels.ORIGINAL_REPLICAS)) {
        ops.addObject().put("op", "remove").put("path", "/metadata/annotations/" + SparseDiff.escape(Labels.ORIGINAL_REPLICAS));
      }
      writer.jsonPatch(d, ops);
      restored++;
    }
  }

  /**
   * Undoes the revert log, ConfigMaps first: a consumer moves back only to a key that is there
   * again. Only the kinds and paths of {@link RevertablePaths} are given back; a log that cannot be
   * read gives back nothing (an Event says so) and the rest of the cleanup goes on: a profile's
   * deletion never hangs on it.
   */
  private void undoEdits() {
    RevertLog log;
    try {
      log = logs.read(profile);
    } catch (RevertLog.Unreadable e) {
      events.warning(profile, "RevertLogUnreadable", e.getMessage() + "; no edit is given back");
      LOG.warn("profile {}/{}: {}", ns, profile.getMetadata().getName(), e.getMessage());
      return;
    }
    List<String> keys = log.keys();
    keys.sort(java.util.Comparator.comparing((String k) -> !k.startsWith("ConfigMap.")));
    List<String> refusedObjects = new ArrayList<>();
    for (String key : keys) {
      String kind = key.substring(0, key.indexOf('.'));
      String name = key.substring(key.indexOf('.') + 1);
      if (!RevertablePaths.kind(kind, log.apiVersion(key)) || name.isEmpty() || name.length() > 253) {
        refusedObjects.add(key);
        continue;
      }
      GenericKubernetesResource live = client.genericKubernetesResources(log.apiVersion(key), kind).inNamespace(ns)
          .withName(name).get();
      if (live == null) {
        continue; // deleted since: nothing to give back to
      }
      ObjectNode now = Trees.comparable(Trees.tree(live));
      Undo.Outcome undone = Undo.apply(now, resolve(log.edits(key)), kind);
      if (!undone.refused().isEmpty()) {
        refusedObjects.add(kind + "/" + name + " " + String.join(", ", undone.refused()));
      }
      ArrayNode ops = dev.envprofile.engine.plan.WritePlanner.patch(now, undone.object());
      if (!ops.isEmpty()) {
        writer.jsonPatch(live, ops);
        edited++;
      }
      if (!undone.conflicts().isEmpty()) {
        events.warning(profile, "RevertConflict", kind + "/" + name + ": " + undone.conflicts().size()
            + " fields changed since the promotion were left as they are: " + String.join(", ", undone.conflicts()));
      }
    }
    if (!refusedObjects.isEmpty()) {
      events.warning(profile, "RevertRefused", "edits no promotion makes were not given back: "
          + String.join("; ", refusedObjects));
    }
  }

  /**
   * The edits with their references (credentials an ExternalSecret synced) read back from the
   * Secrets they name; an edit whose value is gone is left out (its field keeps the Secret reference).
   */
  private ArrayNode resolve(ArrayNode edits) {
    Map<String, Secret> secrets = new java.util.HashMap<>();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (var e : edits) {
      if (!e.has("o")) {
        out.add(e);
        continue;
      }
      var o = RevertLog.resolved(e.get("o"), (name, key) -> {
        Secret s = secrets.computeIfAbsent(name, n -> client.secrets().inNamespace(ns).withName(n).get());
        String b64 = s == null || s.getData() == null ? null : s.getData().get(key);
        return b64 == null ? null : new String(java.util.Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.UTF_8);
      });
      if (o != null) {
        out.add(((ObjectNode) e.deepCopy()).set("o", o));
      } else {
        events.warning(profile, "RevertConflict", e.path("path").asText() + ": the Secret that held its value is gone;"
            + " the field keeps reading from it");
      }
    }
    return out;
  }

  /** Drops the operator's entries from the managed fields of user objects: it no longer claims any field. */
  private void releaseOwnership(List<HasMetadata> workloads) {
    for (HasMetadata listed : userObjects(workloads)) {
      if (Labels.isManaged(listed) || !ours(listed)) {
        continue;
      }
      // Controllers write status all the time: a guarded patch gets a fresh read and a few tries.
      for (int attempt = 1; ; attempt++) {
        HasMetadata o = client.resource(listed).get();
        if (o == null || !ours(o)) {
          break;
        }
        try {
          writer.jsonPatch(o, releasePatch(o));
          break;
        } catch (KubernetesClientException e) {
          if (attempt == 3 || (e.getCode() != 409 && e.getCode() != 422)) {
            throw e;
          }
        }
      }
    }
  }

  private static boolean ours(HasMetadata o) {
    return o.getMetadata().getManagedFields() != null
        && o.getMetadata().getManagedFields().stream().anyMatch(m -> Labels.MANAGER.equals(m.getManager()));
  }

  private static ArrayNode releasePatch(HasMetadata o) {
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    for (var entry : Trees.tree(o).path("metadata").path("managedFields")) {
      if (!Labels.MANAGER.equals(entry.path("manager").asText())) {
        kept.add(entry);
      }
    }
    if (kept.isEmpty()) {
      kept.addObject(); // [{}] clears the list; an empty list would leave it as it is
    }
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    ops.addObject().put("op", "replace").put("path", "/metadata/managedFields").set("value", kept);
    return ops;
  }

  private List<HasMetadata> userObjects(List<HasMetadata> workloads) {
    List<HasMetadata> users = new ArrayList<>(workloads);
    users.addAll(client.network().v1().ingresses().inNamespace(ns).list().getItems());
    users.addAll(client.configMaps().inNamespace(ns).list().getItems());
    users.addAll(client.services().inNamespace(ns).list().getItems());
    return users;
  }

  /** Workloads the user owns (generated StatefulSets are about to go). */
  private List<HasMetadata> userWorkloads() {
    List<HasMetadata> users = new ArrayList<>();
    users.addAll(client.apps().deployments().inNamespace(ns).list().getItems());
    users.addAll(client.apps().statefulSets().inNamespace(ns).list().getItems());
    users.addAll(client.apps().daemonSets().inNamespace(ns).list().getItems());
    users.addAll(client.batch().v1().cronjobs().inNamespace(ns).list().getItems());
    users.addAll(client.batch().v1().jobs().inNamespace(ns).list().getItems());
    users.removeIf(Labels::isManaged);
    return users;
  }

}
