package dev.envprofile.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.PromotedTo;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.credentials.SecretObjects;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.WritePhase;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a profile's deletion (its finalizer), from the live namespace and the revert log.
 * Retain: generated objects lose their owner reference, so garbage collection keeps them. Revert:
 * source Deployments get their replicas back and the log's edits are undone, in one patch per
 * object (ConfigMaps first: a consumer moves back only to a key that is there again); the
 * operator's field ownership is released; generated objects go as the kind registry says (a
 * Secret only when no workload, as the plan leaves it, reads it); the rest is disowned. No
 * PersistentVolumeClaim is ever deleted. Last, the revert log goes. Every step can run again.
 */
public final class RevertPlanner {
  /** One object's entry of the revert log: the API version it names and its edits, oldest first. */
  public record Entry(String apiVersion, ArrayNode edits) {}

  private final LiveObjects live;
  private final Owner owner;
  private final List<Step> steps = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  /** User objects as the plan leaves them, by "Kind/name": what decides which Secrets are still read. */
  private final Map<String, ObjectNode> givenBack = new LinkedHashMap<>();
  /** The user objects the give-back patches: each patch makes the operator a manager of the fields it writes. */
  private final Set<HasMetadata> patched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private RevertPlanner(LiveObjects live, Owner owner) {
    this.live = live;
    this.owner = owner;
  }

  /**
   * @param log the revert log's entries by "Kind.name", or null when it could not be read (then
   *            nothing is given back and {@code unreadable} says why, as a note)
   */
  public static WritePlan plan(LiveObjects live, Owner owner, boolean revert, Map<String, Entry> log, String unreadable) {
    RevertPlanner p = new RevertPlanner(live, owner);
    if (revert) {
      if (unreadable != null) {
        p.notes.add(new Note(Note.Reason.LOG_UNREADABLE, null, unreadable));
      }
      p.giveBack(log == null ? Map.of() : log);
      p.releaseFields();
    }
    p.generated(revert);
    p.steps.add(new Step.ForgetLog());
    return new WritePlan(List.copyOf(p.steps), List.of(), List.copyOf(p.notes));
  }

  private void giveBack(Map<String, Entry> log) {
    Map<String, ObjectNode> after = new LinkedHashMap<>();
    Map<String, HasMetadata> read = new LinkedHashMap<>();
    // Source Deployments get their replicas back (before their StatefulSets go, later in the plan).
    for (HasMetadata o : sorted(live.all())) {
      if ("Deployment".equals(o.getKind()) && PromotedTo.present(o) && !Labels.isManaged(o)) {
        ObjectNode t = Trees.comparable(Trees.tree(o));
        ((ObjectNode) t.path("spec")).put("replicas", PromotedTo.originalReplicas(annotation(o, Labels.ORIGINAL_REPLICAS)));
        ObjectNode annotations = (ObjectNode) t.path("metadata").path("annotations");
        annotations.remove(Labels.PROMOTED_TO);
        annotations.remove(Labels.ORIGINAL_REPLICAS);
        if (annotations.isEmpty()) {
          ((ObjectNode) t.get("metadata")).remove("annotations");
        }
        after.put(key(o), t);
        read.put(key(o), o);
      }
    }
    List<String> keys = new ArrayList<>(log.keySet());
    keys.sort(Comparator.comparing((String k) -> !k.startsWith("ConfigMap.")).thenComparing(k -> k));
    List<String> refused = new ArrayList<>();
    for (String logKey : keys) {
      int dot = logKey.indexOf('.');
      String kind = dot < 0 ? "" : logKey.substring(0, dot);
      String name = dot < 0 ? "" : logKey.substring(dot + 1);
      Entry entry = log.get(logKey);
      if (!RevertablePaths.kind(kind, entry.apiVersion()) || name.isEmpty() || name.length() > 253) {
        refused.add(logKey);
        continue;
      }
      HasMetadata o = live.get(kind, name);
      if (o == null) {
        continue; // deleted since: nothing to give back to
      }
      ObjectNode now = after.containsKey(key(o)) ? after.get(key(o)) : Trees.comparable(Trees.tree(o));
      Undo.Outcome undone = Undo.apply(now, resolve(entry.edits(), o), kind);
      if (!undone.refused().isEmpty()) {
        refused.add(kind + "/" + name + " " + String.join(", ", undone.refused()));
      }
      if (!undone.conflicts().isEmpty()) {
        notes.add(new Note(Note.Reason.REVERT_CONFLICT, ref(o), undone.conflicts().size()
            + " fields changed since the promotion were left as they are: " + String.join(", ", undone.conflicts())));
      }
      after.put(key(o), undone.object());
      read.put(key(o), o);
    }
    if (!refused.isEmpty()) {
      notes.add(new Note(Note.Reason.REVERT_REFUSED, null, "edits no promotion makes were not given back: "
          + String.join("; ", refused)));
    }
    // One patch per object, ConfigMaps first.
    List<String> order = new ArrayList<>(after.keySet());
    order.sort(Comparator.comparing((String k) -> !k.startsWith("ConfigMap/")));
    for (String k : order) {
      HasMetadata o = read.get(k);
      ArrayNode ops = WritePlanner.patch(Trees.tree(o), after.get(k));
      givenBack.put(k, after.get(k));
      if (!ops.isEmpty()) {
        patched.add(o);
        steps.add(new Step.Patch(WritePhase.GIVE_BACK, Target.of(o), ops, PromotedTo.present(o)
            ? "replicas back from its StatefulSet, edits undone" : "edits undone"));
      }
    }
  }

  /**
   * The edits with their references (credentials an ExternalSecret synced) read back from the
   * Secrets they name; an edit whose value is gone is left out (its field keeps the Secret
   * reference), and noted.
   */
  private ArrayNode resolve(ArrayNode edits, HasMetadata o) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode e : edits) {
      if (!e.has("o")) {
        out.add(e);
        continue;
      }
      JsonNode value = RevertRefs.resolved(e.get("o"), (name, key) -> {
        String b64 = live.get("Secret", name) instanceof Secret s && s.getData() != null ? s.getData().get(key) : null;
        try {
          return b64 == null ? null : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
          return null;
        }
      });
      if (value != null) {
        out.add(((ObjectNode) e.deepCopy()).set("o", value));
      } else {
        notes.add(new Note(Note.Reason.REVERT_CONFLICT, ref(o), e.path("path").asText()
            + ": the Secret that held its value is gone; the field keeps reading from it"));
      }
    }
    return out;
  }

  /**
   * User objects of kinds the promotion writes whose managed fields name the operator, and those the
   * give-back patches (its own patch names the operator as the manager of what it gave back).
   */
  private void releaseFields() {
    for (HasMetadata o : sorted(live.all())) {
      Kind kind = Kinds.of(o.getKind());
      boolean ours = o.getMetadata().getManagedFields() != null
          && o.getMetadata().getManagedFields().stream().anyMatch(m -> Labels.MANAGER.equals(m.getManager()));
      if (kind == null || kind.userPhase() == null || Labels.isManaged(o) || !(ours || patched.contains(o))) {
        continue;
      }
      steps.add(new Step.ReleaseFields(Target.of(o)));
    }
  }

  private void generated(boolean revert) {
    Set<String> read = revert ? secretsRead() : Set.of();
    for (HasMetadata o : sorted(live.all())) {
      Kind kind = Kinds.of(o.getKind());
      if (kind == null || !kind.generated() || !Labels.isManaged(o) || isRevertLog(o)) {
        continue;
      }
      if (revert && removed(kind, o, read)) {
        steps.add(new Step.Delete(WritePhase.REMOVE_GENERATED, Target.of(o), false, "generated by the promotion"));
        continue;
      }
      ArrayNode ops = JsonNodeFactory.instance.arrayNode();
      List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
      for (int i = refs == null ? -1 : refs.size() - 1; i >= 0; i--) {
        if (owner.uid() != null && owner.uid().equals(refs.get(i).getUid())) {
          ops.addObject().put("op", "remove").put("path", "/metadata/ownerReferences/" + i);
        }
      }
      if (!ops.isEmpty()) {
        steps.add(new Step.Patch(WritePhase.DISOWN, Target.of(o), ops, revert ? "still read by a workload" : "deletionPolicy Retain"));
      }
    }
  }

  /** The Secrets the user's workloads read once the plan has given back what it gives back. */
  private Set<String> secretsRead() {
    List<JsonNode> workloads = new ArrayList<>();
    for (HasMetadata o : live.all()) {
      Kind kind = Kinds.of(o.getKind());
      if (kind != null && kind.workload() && !Labels.isManaged(o)) {
        workloads.add(givenBack.containsKey(key(o)) ? givenBack.get(key(o)) : Trees.tree(o));
      }
    }
    return SecretReaders.secretsReadByTrees(workloads);
  }

  private static boolean removed(Kind kind, HasMetadata o, Set<String> read) {
    if (kind.onRevert() == Kind.OnRevert.DELETE) {
      return true;
    }
    if (kind.onRevert() == Kind.OnRevert.KEEP) {
      return false;
    }
    String secret = o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind())
        ? SecretObjects.externalSecretTarget(g) : o.getMetadata().getName();
    return !read.contains(secret);
  }

  /** The operator's bookkeeping, as older releases kept it in the profile's namespace: the log step deletes it. */
  private static boolean isRevertLog(HasMetadata o) {
    return o instanceof Secret && o.getMetadata().getLabels() != null
        && "revert-log".equals(o.getMetadata().getLabels().get(Labels.PREFIX + "role"));
  }

  private static String annotation(HasMetadata o, String key) {
    return o.getMetadata().getAnnotations() == null ? null : o.getMetadata().getAnnotations().get(key);
  }

  private static List<HasMetadata> sorted(java.util.Collection<HasMetadata> objects) {
    List<HasMetadata> out = new ArrayList<>(objects);
    out.sort(Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(o -> o.getMetadata().getName()));
    return out;
  }

  private static String key(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  private ObjectRef ref(HasMetadata o) {
    return new ObjectRef(o.getKind(), owner.namespace(), o.getMetadata().getName());
  }
}
