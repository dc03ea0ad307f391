package dev.envprofile.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.apply.TreeMerge;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import dev.envprofile.engine.plan.LiveObjects;
import dev.envprofile.engine.plan.Step;
import dev.envprofile.engine.plan.WritePlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace in memory that executes write plans as the API server would, closely enough for
 * plan tests: an apply merges its fields (a generated object is replaced whole), a patch applies,
 * a delete removes. StatefulSets become ready on request, as the kubelet would make them.
 */
public final class PlanSimulator {
  private final Map<String, ObjectNode> objects = new LinkedHashMap<>();

  public PlanSimulator(List<HasMetadata> applied, String namespace) {
    for (HasMetadata o : applied) {
      ObjectNode t = Trees.applyable(o);
      ((ObjectNode) t.get("metadata")).put("namespace", namespace);
      objects.put(key(t), defaulted(t));
    }
  }

  public LiveObjects live() {
    List<HasMetadata> out = new ArrayList<>();
    objects.values().forEach(t -> out.add(model(t)));
    return LiveObjects.of(out);
  }

  public void execute(WritePlan plan) {
    for (Step step : plan.steps()) {
      if (step instanceof Step.Apply a) {
        ObjectNode have = objects.get(key(a.body()));
        boolean generated = a.body().path("metadata").has("ownerReferences");
        objects.put(key(a.body()), defaulted(have == null || generated ? a.body().deepCopy() : TreeMerge.merge(have, a.body())));
      } else if (step instanceof Step.Patch p) {
        String k = p.target().kind() + "/" + p.target().name();
        objects.put(k, (ObjectNode) JsonPatch.apply((ArrayNode) p.ops(), objects.get(k)));
      } else if (step instanceof Step.Delete d) {
        objects.remove(d.target().kind() + "/" + d.target().name());
      }
      // RecordRevert, ReleaseFields and ForgetLog change nothing the simulated namespace shows.
    }
  }

  /** Every StatefulSet reports all its replicas ready, for its current generation. */
  public void statefulSetsReady() {
    for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
      if (e.getKey().startsWith("StatefulSet/")) {
        StatefulSet s = (StatefulSet) model(e.getValue());
        int replicas = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        s.getMetadata().setGeneration(1L);
        StatefulSetStatus status = new StatefulSetStatus();
        status.setObservedGeneration(1L);
        status.setReplicas(replicas);
        status.setReadyReplicas(replicas);
        s.setStatus(status);
        e.setValue(Trees.tree(s));
      }
    }
  }

  /** External Secrets Operator's part: each ExternalSecret's target Secret exists, with its keys. */
  public void externalSecretsSynced() {
    for (ObjectNode t : new ArrayList<>(objects.values())) {
      if (!"ExternalSecret".equals(t.path("kind").asText())) {
        continue;
      }
      String target = t.path("spec").path("target").path("name").asText(t.path("metadata").path("name").asText());
      if (objects.containsKey("Secret/" + target)) {
        continue;
      }
      ObjectNode secret = Trees.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret").put("type", "Opaque");
      secret.putObject("metadata").put("name", target).put("namespace", t.path("metadata").path("namespace").asText());
      ObjectNode data = secret.putObject("data");
      t.path("spec").path("data").forEach(d -> data.put(d.path("secretKey").asText(),
          java.util.Base64.getEncoder().encodeToString(("synced-" + d.path("secretKey").asText()).getBytes())));
      objects.put("Secret/" + target, secret);
    }
  }

  /** Every object, as a tree, by "Kind/name". */
  public Map<String, ObjectNode> objects() {
    return java.util.Collections.unmodifiableMap(objects);
  }

  public JsonNode get(String kind, String name) {
    return objects.get(kind + "/" + name);
  }

  /** The one default of the API server that plans depend on: a workload's replicas. */
  private static ObjectNode defaulted(ObjectNode t) {
    String kind = t.path("kind").asText();
    if ((kind.equals("Deployment") || kind.equals("StatefulSet")) && t.path("spec").isObject()
        && !t.path("spec").has("replicas")) {
      ((ObjectNode) t.get("spec")).put("replicas", 1);
    }
    return t;
  }

  private static String key(JsonNode t) {
    return t.path("kind").asText() + "/" + t.path("metadata").path("name").asText();
  }

  private static HasMetadata model(ObjectNode t) {
    Kind kind = Kinds.of(t.path("kind").asText());
    Class<? extends HasMetadata> type = kind == null || kind.model() == null ? GenericKubernetesResource.class : kind.model();
    return Trees.JSON.convertValue(t, type);
  }
}
