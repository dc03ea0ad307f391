package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.operator.apply.OwnedFields;
import dev.envprofile.operator.apply.SparseDiff;
import dev.envprofile.operator.apply.TreeMerge;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an engine result to the cluster in the safe order of the contract:
 * <ol>
 *   <li>Secrets and ExternalSecrets, before any consumer points at them;</li>
 *   <li>generated Services and StatefulSets; a replaced Deployment is scaled to 0 (and annotated
 *       with its original replicas) only once its StatefulSet is ready;</li>
 *   <li>user-owned objects (workloads, Ingresses, ConfigMap additions);</li>
 *   <li>NetworkPolicies (allow rules before the default deny), budgets and autoscalers;</li>
 *   <li>last, keys leave ConfigMaps, once every consumer reads them from the Secret.</li>
 * </ol>
 * An object that needs no change gets no write, so a no-op reconcile writes nothing.
 */
final class Applier {
  private static final List<String> FIRST = List.of("Secret", "ExternalSecret");
  private static final List<String> SECOND = List.of("Service", "StatefulSet");
  private static final List<String> LAST = List.of("NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler");

  private final Writer writer;
  private final EnvironmentProfile profile;
  private final NamespaceSnapshot snapshot;
  private final RevertLogStore logs;
  private final Outcome outcome = new Outcome();
  /** Trees of live and desired objects, built once: the revert log, the writes and the scrub all read them. */
  private final Map<HasMetadata, ObjectNode> liveTrees = new java.util.IdentityHashMap<>();
  private final Map<HasMetadata, ObjectNode> desiredTrees = new java.util.IdentityHashMap<>();

  /** What applying did: objects written, StatefulSets not ready yet, failures (no values in them). */
  static final class Outcome {
    final Set<ObjectRef> written = new LinkedHashSet<>();
    final List<String> waiting = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    /** Objects whose promotion the API cannot apply in place (a Job's pod template): reported, not a failure. */
    final List<String> immutable = new ArrayList<>();
    final List<String> pruned = new ArrayList<>();
    boolean scrubDeferred;
  }

  Applier(Writer writer, EnvironmentProfile profile, NamespaceSnapshot snapshot, RevertLogStore logs) {
    this.writer = writer;
    this.profile = profile;
    this.snapshot = snapshot;
    this.logs = logs;
  }

  Outcome apply(Result result) {
    List<HasMetadata> desired = result.objects().stream().filter(this::inNamespace).toList();
    phase(desired, o -> FIRST.contains(o.getKind()));
    List<String> unsynced = unsyncedExternalSecrets(desired);
    if (!unsynced.isEmpty()) {
      // External Secrets Operator has not written the Secrets yet: consumers pointed at them now
      // would not start, so nothing else moves until they exist.
      outcome.waiting.addAll(unsynced);
      outcome.scrubDeferred = true;
      return outcome;
    }
    List<HasMetadata> cutovers = cutovers(result);
    if (!recordRevertLog(desired, cutovers)) {
      return outcome;
    }
    phase(desired, o -> SECOND.contains(o.getKind()) && Labels.isManaged(o));
    cutover(result, cutovers);
    phase(desired, o -> !FIRST.contains(o.getKind()) && !LAST.contains(o.getKind())
        && !(SECOND.contains(o.getKind()) && Labels.isManaged(o)));
    List<HasMetadata> policies = new ArrayList<>(desired.stream().filter(o -> LAST.contains(o.getKind())).toList());
    policies.sort((a, b) -> Boolean.compare(isDefaultDeny(a), isDefaultDeny(b)));
    phase(policies, o -> true);
    prune(result);
    scrub(desired);
    return outcome;
  }

  /**
   * Writes down what the user objects are about to lose or gain, before any of them changes, so a
   * Revert can give back exactly that. Nothing new to record, nothing written. A log that cannot be
   * read throws {@link RevertLog.Unreadable}: nothing is written without a log to undo it.
   */
  private boolean recordRevertLog(List<HasMetadata> desired, List<HasMetadata> cutovers) {
    String ns = profile.getMetadata().getNamespace();
    RevertLog log = logs.read(profile);
    List<HasMetadata> all = new ArrayList<>(desired);
    all.addAll(cutovers);
    Map<String, ObjectNode> refs = syncedValues(desired);
    for (HasMetadata o : all) {
      HasMetadata live = Labels.isManaged(o) ? null : snapshot.live(o.getKind(), ns, o.getMetadata().getName());
      if (live == null || Labels.isManaged(live) || live instanceof Job) {
        continue;
      }
      log.record(have(live), want(o), refs);
    }
    if (!log.changed()) {
      return true;
    }
    try {
      logs.write(log, profile, writer);
      return true;
    } catch (KubernetesClientException e) {
      outcome.failures.add("Secret/" + logs.namespace() + "/" + RevertLog.secretName(profile) + " (revert log): "
          + reason(e) + (e.getCode() == 404 ? " (create the operator's namespace, or pass --operator-namespace)" : ""));
      return false;
    }
  }

  /**
   * With provider ExternalSecret, the values External Secrets Operator synced into the desired
   * ExternalSecrets' target Secrets, each to its {name, key}: the revert log records these
   * references instead of the values (Revert reads them back from the Secret).
   */
  private Map<String, ObjectNode> syncedValues(List<HasMetadata> desired) {
    Map<String, ObjectNode> refs = new java.util.HashMap<>();
    String ns = profile.getMetadata().getNamespace();
    for (HasMetadata o : desired) {
      if (!(o instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource g) || !"ExternalSecret".equals(g.getKind())) {
        continue;
      }
      String target = dev.envprofile.engine.credentials.SecretObjects.externalSecretTarget(g);
      if (!(snapshot.live("Secret", ns, target) instanceof io.fabric8.kubernetes.api.model.Secret s) || s.getData() == null) {
        continue;
      }
      s.getData().forEach((key, b64) -> {
        try {
          String value = new String(java.util.Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.UTF_8);
          if (!value.isEmpty()) {
            refs.putIfAbsent(value, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("name", target).put("key", key));
          }
        } catch (IllegalArgumentException notBase64) {
          // not a value anyone reads back
        }
      });
    }
    return refs;
  }

  /** Target Secrets of the desired ExternalSecrets that do not exist yet, as "Secret/name". */
  private List<String> unsyncedExternalSecrets(List<HasMetadata> desired) {
    List<String> out = new ArrayList<>();
    String ns = profile.getMetadata().getNamespace();
    for (HasMetadata o : desired) {
      if (o instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource g && "ExternalSecret".equals(g.getKind())) {
        String target = dev.envprofile.engine.credentials.SecretObjects.externalSecretTarget(g);
        if (snapshot.live("Secret", ns, target) == null) {
          out.add("Secret/" + target + " (ExternalSecret/" + g.getMetadata().getName() + ")");
        }
      }
    }
    return out;
  }

  private void phase(List<HasMetadata> objects, java.util.function.Predicate<HasMetadata> which) {
    for (HasMetadata o : objects) {
      if (!which.test(o)) {
        continue;
      }
      try {
        write(o);
      } catch (KubernetesClientException e) {
        outcome.failures.add(o.getKind() + "/" + o.getMetadata().getName() + ": " + reason(e));
      }
    }
  }

  private void write(HasMetadata desired) {
    String ns = profile.getMetadata().getNamespace();
    HasMetadata live = snapshot.live(desired.getKind(), ns, desired.getMetadata().getName());
    ObjectNode want = want(desired);
    if (Labels.isManaged(desired)) {
      if (live != null && !Labels.isManaged(live)) {
        outcome.skipped.add(desired.getKind() + "/" + desired.getMetadata().getName());
        return;
      }
      ObjectNode have = live == null ? null : have(live);
      if (have != null && SparseDiff.changes(have, want) == null && spec(have, want) && ownedByProfile(live)) {
        return;
      }
      ObjectNode owned = want.deepCopy();
      addOwner(owned);
      writer.apply(owned);
      outcome.written.add(ref(desired));
      return;
    }
    if (live == null) {
      return; // a user object the engine passed through but the cluster no longer has
    }
    ObjectNode have = have(live);
    ObjectNode changes = SparseDiff.changes(have, want);
    List<String> removals = SparseDiff.removals(have, want).stream().filter(Trees::userField).toList();
    if (changes == null && removals.isEmpty()) {
      return;
    }
    if (live instanceof Job) {
      outcome.immutable.add("Job/" + live.getMetadata().getName());
      return;
    }
    if (live instanceof ConfigMap && !removals.isEmpty()) {
      if (changes == null) {
        return; // keys leave ConfigMaps in the scrub phase, after their consumers moved
      }
      removals = List.of();
    }
    if (removals.isEmpty()) {
      ObjectNode sparse = TreeMerge.merge(TreeMerge.merge(Trees.identity(live), OwnedFields.of(have, Labels.MANAGER)),
          changes);
      writer.apply(sparse);
    } else {
      writer.jsonPatch(live, patch(have, want));
    }
    outcome.written.add(ref(desired));
  }

  private ObjectNode have(HasMetadata live) {
    return liveTrees.computeIfAbsent(live, Trees::tree);
  }

  /** The desired object as it is applied: no server-set fields, in the profile's namespace. */
  private ObjectNode want(HasMetadata desired) {
    return desiredTrees.computeIfAbsent(desired, o -> {
      ObjectNode t = Trees.applyable(o);
      ((ObjectNode) t.get("metadata")).put("namespace", profile.getMetadata().getNamespace());
      return t;
    });
  }

  /**
   * Each replaced Deployment as the cutover leaves it: the engine's rewrite of it (its pod template
   * reads the moved credentials from their Secret, as its StatefulSet's does, so that no literal
   * stays behind in a Deployment anyone with `view` can read), at 0 replicas, annotated with where
   * its pods went and how many it had.
   */
  private List<HasMetadata> cutovers(Result result) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata source : result.replaced()) {
      Map<String, String> a = source.getMetadata().getAnnotations();
      if (a == null || a.get(Labels.PROMOTED_TO) == null || !(source instanceof Deployment d)) {
        continue;
      }
      Deployment copy = dev.envprofile.engine.Copies.deep(d);
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
  private void cutover(Result result, List<HasMetadata> cutovers) {
    String ns = profile.getMetadata().getNamespace();
    for (HasMetadata want : cutovers) {
      String target = want.getMetadata().getAnnotations().get(Labels.PROMOTED_TO);
      String stsName = target.substring(target.indexOf('/') + 1);
      HasMetadata sts = snapshot.live("StatefulSet", ns, stsName);
      HasMetadata deployment = snapshot.live("Deployment", ns, want.getMetadata().getName());
      if (deployment == null) {
        continue;
      }
      if (!(sts instanceof StatefulSet s) || !ready(s)) {
        outcome.waiting.add(target);
        outcome.scrubDeferred = true;
        continue;
      }
      try {
        write(want);
      } catch (KubernetesClientException e) {
        outcome.failures.add("Deployment/" + deployment.getMetadata().getName() + ": " + reason(e));
      }
    }
  }

  /**
   * Generated policies, budgets and autoscalers that the promotion no longer wants (their workload
   * was deleted or left the selector) are deleted: they only describe other objects. Secrets,
   * Services and StatefulSets are never pruned: they may hold the only copy of a credential, or
   * data and its network identity.
   */
  private void prune(Result result) {
    Set<String> wanted = new java.util.HashSet<>();
    result.generated().forEach(r -> wanted.add(r.kind() + "/" + r.name()));
    for (HasMetadata o : new ArrayList<>(snapshot.all())) {
      String key = o.getKind() + "/" + o.getMetadata().getName();
      if (!LAST.contains(o.getKind()) || !Labels.isManaged(o) || !ownedByProfile(o) || wanted.contains(key)) {
        continue;
      }
      try {
        writer.delete(o);
        outcome.pruned.add(key);
      } catch (KubernetesClientException e) {
        outcome.failures.add(key + ": " + reason(e));
      }
    }
  }

  /** Keys leave ConfigMaps last, and only when nothing is pending: no consumer may still read them there. */
  private void scrub(List<HasMetadata> desired) {
    if (outcome.scrubDeferred || !outcome.failures.isEmpty()) {
      return;
    }
    for (HasMetadata o : desired) {
      if (!(o instanceof ConfigMap)) {
        continue;
      }
      HasMetadata live = snapshot.live("ConfigMap", profile.getMetadata().getNamespace(), o.getMetadata().getName());
      if (live == null || Labels.isManaged(live)) {
        continue;
      }
      ObjectNode have = have(live);
      ObjectNode want = want(o);
      if (SparseDiff.removals(have, want).stream().noneMatch(Trees::userField)) {
        continue;
      }
      try {
        writer.jsonPatch(live, patch(have, want));
        outcome.written.add(ref(o));
      } catch (KubernetesClientException e) {
        outcome.failures.add("ConfigMap/" + o.getMetadata().getName() + ": " + reason(e));
      }
    }
  }

  static boolean ready(StatefulSet s) {
    var status = s.getStatus();
    int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    return status != null && status.getReadyReplicas() != null && status.getReadyReplicas() >= want
        && status.getObservedGeneration() != null && status.getObservedGeneration() >= s.getMetadata().getGeneration();
  }

  static ArrayNode patch(ObjectNode have, ObjectNode want) {
    return (ArrayNode) JsonDiff.asJson(Trees.comparable(have), Trees.comparable(want));
  }

  /**
   * Whether applying {@code want} would remove nothing: only fields this manager applied before and
   * no longer wants are removed by server-side apply. The server's defaults are not ours, so they
   * never count (else every reconcile would re-apply every generated object).
   */
  private static boolean spec(ObjectNode have, ObjectNode want) {
    return SparseDiff.removals(OwnedFields.of(have, Labels.MANAGER), want).stream()
        .noneMatch(p -> p.startsWith("/spec") || p.startsWith("/data") || p.startsWith("/metadata/labels")
            || p.startsWith("/metadata/annotations"));
  }

  private boolean ownedByProfile(HasMetadata live) {
    return live.getMetadata().getOwnerReferences() != null && live.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> profile.getMetadata().getUid() != null && profile.getMetadata().getUid().equals(r.getUid()));
  }

  private void addOwner(ObjectNode want) {
    ObjectNode meta = (ObjectNode) want.get("metadata");
    ArrayNode owners = meta.putArray("ownerReferences");
    ObjectNode owner = owners.addObject();
    owner.put("apiVersion", EnvironmentProfile.API_VERSION);
    owner.put("kind", "EnvironmentProfile");
    owner.put("name", profile.getMetadata().getName());
    owner.put("uid", profile.getMetadata().getUid());
    owner.put("blockOwnerDeletion", false);
    owner.put("controller", true);
  }

  private boolean inNamespace(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return ns == null || ns.equals(profile.getMetadata().getNamespace());
  }

  private ObjectRef ref(HasMetadata o) {
    return new ObjectRef(o.getKind(), profile.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  static String reason(KubernetesClientException e) {
    String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    return "HTTP " + e.getCode() + ": " + (m == null ? "" : m.lines().findFirst().orElse(""));
  }

  private static boolean isDefaultDeny(HasMetadata o) {
    return "NetworkPolicy".equals(o.getKind()) && o.getMetadata().getName().endsWith("default-deny");
  }

}
