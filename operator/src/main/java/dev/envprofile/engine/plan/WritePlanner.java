package dev.envprofile.engine.plan;

import static dev.envprofile.engine.model.WritePhase.CUTOVER;
import static dev.envprofile.engine.model.WritePhase.PRUNE;
import static dev.envprofile.engine.model.WritePhase.SCRUB;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.PromotedTo;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.apply.OwnedFields;
import dev.envprofile.engine.apply.SparseDiff;
import dev.envprofile.engine.apply.TreeMerge;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.credentials.SecretObjects;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.WritePhase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.zjsonpatch.JsonDiff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the {@link WritePlan} of one reconcile from the promotion's result and the live
 * namespace, in the phases of {@link WritePhase} (docs/operator.md, "The safe order"). An object
 * that needs no change gets no step, so a namespace already in shape plans nothing. Pure: the same
 * result and live objects give the same plan.
 */
public final class WritePlanner {
  private final Result result;
  private final LiveObjects live;
  private final Owner owner;
  private final List<Step> steps = new ArrayList<>();
  private final List<Wait> waits = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  /** Trees built once: the revert record, the writes and the scrub all read them. */
  private final Map<HasMetadata, ObjectNode> liveTrees = new IdentityHashMap<>();
  private final Map<HasMetadata, ObjectNode> desiredTrees = new IdentityHashMap<>();

  private WritePlanner(Result result, LiveObjects live, Owner owner) {
    this.result = result;
    this.live = live;
    this.owner = owner;
  }

  public static WritePlan plan(Result result, LiveObjects live, Owner owner) {
    return new WritePlanner(result, live, owner).plan();
  }

  private WritePlan plan() {
    List<HasMetadata> desired = result.objects().stream().filter(this::inNamespace).toList();
    phase(desired, WritePhase.CREDENTIALS);
    List<Wait> unsynced = unsyncedExternalSecrets(desired);
    if (!unsynced.isEmpty()) {
      // External Secrets Operator has not written the Secrets yet: consumers pointed at them now
      // would not start, so nothing else moves until they exist.
      waits.addAll(unsynced);
      return done();
    }
    List<HasMetadata> cutovers = cutovers();
    recordRevert(desired, cutovers);
    phase(desired, WritePhase.GENERATED);
    cutover(cutovers);
    phase(desired, WritePhase.USER_OBJECTS);
    // Allow rules before the default deny: no flow is cut in between.
    List<HasMetadata> policies = new ArrayList<>(desired);
    policies.sort(Comparator.comparing(WritePlanner::isDefaultDeny));
    phase(policies, WritePhase.POLICIES);
    prune();
    if (waits.isEmpty()) {
      scrub(desired);
    }
    return done();
  }

  private WritePlan done() {
    return new WritePlan(List.copyOf(steps), List.copyOf(waits), List.copyOf(notes));
  }

  private void phase(List<HasMetadata> objects, WritePhase phase) {
    for (HasMetadata o : objects) {
      if (Kinds.phase(o.getKind(), Labels.isManaged(o)) == phase) {
        write(o, phase, "promotion");
      }
    }
  }

  private void write(HasMetadata desired, WritePhase phase, String why) {
    HasMetadata have = live.get(desired.getKind(), desired.getMetadata().getName());
    if (!Labels.isManaged(desired) && (have == null || have.equals(desired))) {
      // Gone from the cluster, or passed through untouched (equal objects have equal trees: no diff to make).
      return;
    }
    ObjectNode want = want(desired);
    if (Labels.isManaged(desired)) {
      if (have != null && !Labels.isManaged(have)) {
        notes.add(new Note(Note.Reason.NAME_TAKEN, ref(desired)));
        return;
      }
      ObjectNode haveTree = have == null ? null : have(have);
      if (haveTree != null && SparseDiff.changes(haveTree, want) == null && nothingRemoved(haveTree, want)
          && ownedByProfile(have)) {
        return;
      }
      ObjectNode owned = want.deepCopy();
      addOwner(owned);
      steps.add(new Step.Apply(phase, ref(desired), owned, have == null ? "generated" : "generated, changed"));
      return;
    }
    ObjectNode haveTree = have(have);
    ObjectNode changes = SparseDiff.changes(haveTree, want);
    List<String> removals = SparseDiff.removals(haveTree, want).stream().filter(Trees::userField).toList();
    if (changes == null && removals.isEmpty()) {
      return;
    }
    if (have instanceof Job) {
      notes.add(new Note(Note.Reason.IMMUTABLE, ref(desired)));
      return;
    }
    if (have instanceof ConfigMap && !removals.isEmpty()) {
      if (changes == null) {
        return; // keys leave ConfigMaps in the scrub phase, after their consumers moved
      }
      removals = List.of();
    }
    if (removals.isEmpty()) {
      ObjectNode sparse = TreeMerge.merge(TreeMerge.merge(Trees.identity(have), OwnedFields.of(haveTree, Labels.MANAGER)),
          changes);
      steps.add(new Step.Apply(phase, ref(desired), sparse, why));
    } else {
      steps.add(new Step.Patch(phase, Target.of(have), patch(haveTree, want), why));
    }
  }

  /**
   * What the user objects are about to lose or gain, recorded before any of them changes so a
   * Revert can give back exactly that. Objects the promotion leaves as they are add nothing.
   */
  private void recordRevert(List<HasMetadata> desired, List<HasMetadata> cutovers) {
    List<HasMetadata> all = new ArrayList<>(desired);
    all.addAll(cutovers);
    List<Step.RecordRevert.Edit> edits = new ArrayList<>();
    for (HasMetadata o : all) {
      HasMetadata have = Labels.isManaged(o) ? null : live.get(o.getKind(), o.getMetadata().getName());
      if (have == null || Labels.isManaged(have) || have instanceof Job || have.equals(o)) {
        continue; // equal objects: nothing to give back (and no trees to build, the cost of a resync)
      }
      ObjectNode haveTree = have(have);
      ObjectNode wantTree = want(o);
      if (!Trees.comparable(haveTree).equals(Trees.comparable(wantTree))) {
        edits.add(new Step.RecordRevert.Edit(haveTree, wantTree));
      }
    }
    if (!edits.isEmpty()) {
      steps.add(new Step.RecordRevert(List.copyOf(edits), syncedValues(desired)));
    }
  }

  /**
   * With provider ExternalSecret, the values External Secrets Operator synced into the desired
   * ExternalSecrets' target Secrets, each to its {name, key}: the revert log records these
   * references instead of the values (Revert reads them back from the Secret).
   */
  private Map<String, ObjectNode> syncedValues(List<HasMetadata> desired) {
    Map<String, ObjectNode> refs = new HashMap<>();
    for (HasMetadata o : desired) {
      if (!(o instanceof GenericKubernetesResource g) || !"ExternalSecret".equals(g.getKind())) {
        continue;
      }
      String target = SecretObjects.externalSecretTarget(g);
      if (!(live.get("Secret", target) instanceof Secret s) || s.getData() == null) {
        continue;
      }
      s.getData().forEach((key, b64) -> {
        try {
          String value = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
          if (!value.isEmpty()) {
            refs.putIfAbsent(value, JsonNodeFactory.instance.objectNode().put("name", target).put("key", key));
          }
        } catch (IllegalArgumentException notBase64) {
          // not a value anyone reads back
        }
      });
    }
    return refs;
  }

  /** The target Secrets of the desired ExternalSecrets that do not exist yet. */
  private List<Wait> unsyncedExternalSecrets(List<HasMetadata> desired) {
    List<Wait> out = new ArrayList<>();
    for (HasMetadata o : desired) {
      if (o instanceof GenericKubernetesResource g && "ExternalSecret".equals(g.getKind())) {
        String target = SecretObjects.externalSecretTarget(g);
        if (live.get("Secret", target) == null) {
          out.add(new Wait(Wait.Reason.EXTERNAL_SECRET_SYNC, new ObjectRef("Secret", owner.namespace(), target),
              ref(g)));
        }
      }
    }
    return out;
  }

  /**
   * Each replaced Deployment as the cutover leaves it: the engine's rewrite of it (its pod template
   * reads the moved credentials from their Secret, as its StatefulSet's does, so that no literal
   * stays behind in a Deployment anyone with `view` can read), at 0 replicas, annotated with where
   * its pods went and how many it had.
   */
  private List<HasMetadata> cutovers() {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata source : result.replaced()) {
      if (PromotedTo.of(source) == null || !(source instanceof Deployment d)) {
        continue;
      }
      Deployment copy = Copies.deep(d);
      copy.getMetadata().getAnnotations().putIfAbsent(Labels.ORIGINAL_REPLICAS, "1");
      copy.getSpec().setReplicas(0);
      out.add(copy);
    }
    return out;
  }

  /**
   * A replaced Deployment goes to 0 replicas once its StatefulSet is ready, in the same write that
   * points its template at the Secrets: at 0 replicas the template change starts no pod.
   */
  private void cutover(List<HasMetadata> cutovers) {
    for (HasMetadata want : cutovers) {
      ObjectRef target = PromotedTo.of(want).ref(owner.namespace());
      if (live.get("Deployment", want.getMetadata().getName()) == null) {
        continue;
      }
      if (!(live.get("StatefulSet", target.name()) instanceof StatefulSet s) || !ready(s)) {
        waits.add(new Wait(Wait.Reason.STATEFULSET_READY, target, null));
        continue;
      }
      write(want, CUTOVER, "its pods moved to " + target.shortName());
    }
  }

  /**
   * Generated objects of prunable kinds (policies, budgets, autoscalers) that the promotion no
   * longer wants (their workload was deleted or left the selector) are deleted: they only describe
   * other objects. Secrets, Services and StatefulSets are never pruned: they may hold the only copy
   * of a credential, or data and its network identity.
   */
  private void prune() {
    Set<String> wanted = new HashSet<>();
    result.generated().forEach(r -> wanted.add(r.kind() + "/" + r.name()));
    List<HasMetadata> all = new ArrayList<>(live.all());
    all.sort(Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(o -> o.getMetadata().getName()));
    for (HasMetadata o : all) {
      Kind kind = Kinds.of(o.getKind());
      if (kind == null || !kind.prunable() || !Labels.isManaged(o) || !ownedByProfile(o)
          || wanted.contains(o.getKind() + "/" + o.getMetadata().getName())) {
        continue;
      }
      steps.add(new Step.Delete(PRUNE, Target.of(o), true, "no longer wanted: its workload is gone or not selected"));
    }
  }

  /** Keys leave ConfigMaps last, once nothing is pending: no consumer may still read them there. */
  private void scrub(List<HasMetadata> desired) {
    for (HasMetadata o : desired) {
      if (!(o instanceof ConfigMap)) {
        continue;
      }
      HasMetadata have = live.get("ConfigMap", o.getMetadata().getName());
      if (have == null || Labels.isManaged(have)) {
        continue;
      }
      ObjectNode haveTree = have(have);
      ObjectNode wantTree = want(o);
      if (SparseDiff.removals(haveTree, wantTree).stream().noneMatch(Trees::userField)) {
        continue;
      }
      steps.add(new Step.Patch(SCRUB, Target.of(have), patch(haveTree, wantTree), "keys moved to a Secret"));
    }
  }

  /** Whether a StatefulSet serves: all its replicas ready, for its current generation. */
  public static boolean ready(StatefulSet s) {
    var status = s.getStatus();
    int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    return status != null && status.getReadyReplicas() != null && status.getReadyReplicas() >= want
        && status.getObservedGeneration() != null && status.getObservedGeneration() >= s.getMetadata().getGeneration();
  }

  /** The JSON patch that turns {@code have} into {@code want}, compared without server-set fields. */
  public static ArrayNode patch(ObjectNode have, ObjectNode want) {
    return (ArrayNode) JsonDiff.asJson(Trees.comparable(have), Trees.comparable(want));
  }

  /**
   * Whether applying {@code want} would remove nothing: only fields this manager applied before and
   * no longer wants are removed by server-side apply. The server's defaults are not ours, so they
   * never count (else every reconcile would re-apply every generated object).
   */
  private static boolean nothingRemoved(ObjectNode have, ObjectNode want) {
    return SparseDiff.removals(OwnedFields.of(have, Labels.MANAGER), want).stream()
        .noneMatch(p -> p.startsWith("/spec") || p.startsWith("/data") || p.startsWith("/metadata/labels")
            || p.startsWith("/metadata/annotations"));
  }

  private boolean ownedByProfile(HasMetadata o) {
    return o.getMetadata().getOwnerReferences() != null && owner.uid() != null
        && o.getMetadata().getOwnerReferences().stream().anyMatch(r -> owner.uid().equals(r.getUid()));
  }

  private void addOwner(ObjectNode want) {
    ObjectNode meta = (ObjectNode) want.get("metadata");
    ObjectNode ref = meta.putArray("ownerReferences").addObject();
    ref.put("apiVersion", EnvironmentProfile.API_VERSION);
    ref.put("kind", "EnvironmentProfile");
    ref.put("name", owner.name());
    ref.put("uid", owner.uid());
    ref.put("blockOwnerDeletion", false);
    ref.put("controller", true);
  }

  private ObjectNode have(HasMetadata o) {
    return liveTrees.computeIfAbsent(o, Trees::tree);
  }

  /** The desired object as it is applied: no server-set fields, in the profile's namespace. */
  private ObjectNode want(HasMetadata desired) {
    return desiredTrees.computeIfAbsent(desired, o -> {
      ObjectNode t = Trees.applyable(o);
      ((ObjectNode) t.get("metadata")).put("namespace", owner.namespace());
      return t;
    });
  }

  private boolean inNamespace(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return ns == null || ns.equals(owner.namespace());
  }

  private ObjectRef ref(HasMetadata o) {
    return new ObjectRef(o.getKind(), owner.namespace(), o.getMetadata().getName());
  }

  private static boolean isDefaultDeny(HasMetadata o) {
    return "NetworkPolicy".equals(o.getKind()) && o.getMetadata().getName().endsWith("default-deny");
  }
}
