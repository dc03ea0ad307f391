package dev.envprofile.engine.rewrite;

import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.Change;
import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace as a promotion rewrites it: deep copies of the input in input order, objects
 * replaced in place (a Deployment by its StatefulSet), and generated objects. Rewrites mutate the
 * objects they get from {@link #inventory()} and record what they did.
 */
public final class WorkingSet {
  private final Settings settings;
  private final Map<ObjectRef, HasMetadata> inputs = new LinkedHashMap<>();
  private final Map<ObjectRef, HasMetadata> generated = new LinkedHashMap<>();
  private final Map<ObjectRef, ObjectRef> replacedBy = new LinkedHashMap<>();
  /** Every generated object this promotion wants, new, changed or already in place. */
  private final java.util.Set<ObjectRef> wanted = new java.util.LinkedHashSet<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();
  private final List<Refusal> refusals = new ArrayList<>();
  private Inventory inventory;
  private Facts facts;

  /** A generated name already held by an object this engine does not manage. */
  public record Conflict(ObjectRef wanted, String purpose) {}

  /** A rewrite the engine computed and then refused to emit, because it could not prove it safe. */
  public record Refusal(ObjectRef object, String message) {}

  public WorkingSet(List<HasMetadata> input, Settings settings) {
    this.settings = settings;
    for (HasMetadata o : input) {
      inputs.put(key(o), Copies.deep(o));
    }
  }

  public Settings settings() {
    return settings;
  }

  /** The current objects, indexed; rebuilt after every structural change. */
  public Inventory inventory() {
    if (inventory == null) {
      inventory = Inventory.of(settings.namespace(), objects(), settings.selector());
    }
    return inventory;
  }

  /** Facts of the current objects. Call {@link #refresh()} after mutating objects a later stage reads. */
  public Facts facts() {
    if (facts == null) {
      facts = new Facts(inventory(), settings);
    }
    return facts;
  }

  /** Forget derived views: the next stage sees the objects as they are now. */
  public void refresh() {
    inventory = null;
    facts = null;
  }

  /** The generated objects this promotion wants; a managed object outside it is left over from an earlier one. */
  public java.util.Set<ObjectRef> wanted() {
    return java.util.Collections.unmodifiableSet(wanted);
  }

  /** Marks an existing object as still wanted without regenerating it (a managed budget already in place). */
  public void keep(HasMetadata existing) {
    if (Labels.isManaged(existing)) {
      wanted.add(key(existing));
    }
  }

  public void recordRewrite(HasMetadata o, String reason, String message) {
    changes.add(new Change(key(o), Change.Action.REWRITTEN, reason, message));
  }

  /**
   * Adds or updates a generated object. The current {@link #inventory()} does not see it until the
   * next {@link #refresh()} (the engine refreshes between stages): rebuilding the index after every
   * generated object would make a promotion quadratic. An existing object with the same kind and name is replaced
   * only when this engine manages it; otherwise the conflict is recorded and false returned.
   */
  public boolean generate(HasMetadata o, String reason, String message) {
    ObjectRef ref = key(o);
    wanted.add(ref);
    Map<String, String> labels = o.getMetadata().getLabels();
    if (labels == null) {
      labels = new LinkedHashMap<>();
      o.getMetadata().setLabels(labels);
    }
    labels.put(Labels.MANAGED_BY, Labels.MANAGER);
    HasMetadata existing = inputs.get(ref);
    if (existing != null && !replacedBy.containsKey(ref)) {
      if (!Labels.isManaged(existing)) {
        conflicts.add(new Conflict(ref, message));
        return false;
      }
      if (!Copies.same(existing, o)) {
        inputs.put(ref, o);
        changes.add(new Change(ref, Change.Action.GENERATED, reason, message));
      }
      return true;
    }
    if (generated.containsKey(ref) && !Copies.same(generated.get(ref), o)) {
      conflicts.add(new Conflict(ref, message));
      return false;
    }
    generated.put(ref, o);
    changes.add(new Change(ref, Change.Action.GENERATED, reason, message));
    return true;
  }

  /** Whether {@link #generate} would accept an object of this kind and name. */
  public boolean canGenerate(String kind, String name) {
    HasMetadata existing = inputs.get(new ObjectRef(kind, settings.namespace(), name));
    return existing == null || Labels.isManaged(existing) || replacedBy.containsKey(key(existing));
  }

  /**
   * Replaces an input object (a Deployment) by another (its StatefulSet) at the same place in the
   * output. Fails, recording a conflict, when the replacement's name is held by a foreign object.
   */
  public boolean replace(HasMetadata old, HasMetadata replacement, String reason, String message) {
    Map<String, String> labels = replacement.getMetadata().getLabels();
    if (labels == null) {
      labels = new LinkedHashMap<>();
      replacement.getMetadata().setLabels(labels);
    }
    labels.put(Labels.MANAGED_BY, Labels.MANAGER); // generated: the operator owns it
    ObjectRef newRef = key(replacement);
    HasMetadata existing = inputs.get(newRef);
    if (existing != null && !Labels.isManaged(existing) && !isPromotedFrom(existing, old)) {
      conflicts.add(new Conflict(newRef, message));
      return false;
    }
    ObjectRef oldRef = key(old);
    replacedBy.put(oldRef, newRef);
    wanted.add(newRef);
    if (existing != null) {
      inputs.put(newRef, replacement);
    } else {
      generated.put(newRef, replacement);
    }
    changes.add(new Change(oldRef, Change.Action.REPLACED, reason, message));
    return true;
  }

  private static boolean isPromotedFrom(HasMetadata existing, HasMetadata old) {
    Map<String, String> a = existing.getMetadata().getAnnotations();
    return a != null && ("Deployment/" + old.getMetadata().getName()).equals(a.get(Labels.PROMOTED_FROM));
  }

  /** Replacements made: source Deployment to StatefulSet. */
  public Map<ObjectRef, ObjectRef> replacements() {
    return replacedBy;
  }

  /** The objects as they are now: input order (replaced ones left out), then generated ones. */
  public List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, HasMetadata> e : inputs.entrySet()) {
      if (!replacedBy.containsKey(e.getKey())) {
        out.add(e.getValue());
      }
    }
    List<HasMetadata> gen = new ArrayList<>(generated.values());
    gen.sort(Comparator.comparingInt((HasMetadata o) -> kindRank(o.getKind()))
        .thenComparing(HasMetadata::getKind).thenComparing(o -> o.getMetadata().getName()));
    out.addAll(gen);
    return out;
  }

  /** The source objects that a replacement removed from the output, for the operator. */
  public List<HasMetadata> replacedObjects() {
    List<HasMetadata> out = new ArrayList<>();
    replacedBy.keySet().forEach(r -> out.add(inputs.get(r)));
    return out;
  }

  public List<Change> changes() {
    return changes;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  /** A generated name held by a foreign object, recorded without trying to write it. */
  public void recordConflict(String kind, String name, String purpose) {
    conflicts.add(new Conflict(new ObjectRef(kind, settings.namespace(), name), purpose));
  }

  public void refuse(ObjectRef object, String message) {
    refusals.add(new Refusal(object, message));
  }

  public List<Refusal> refusals() {
    return refusals;
  }

  private ObjectRef key(HasMetadata o) {
    return new ObjectRef(o.getKind(), settings.namespace(), o.getMetadata().getName());
  }

  /** Generated objects are printed after the input, in the registry's kind order, then by name. */
  private static int kindRank(String kind) {
    return dev.envprofile.engine.model.Kinds.outputRank(kind);
  }
}
