package dev.envprofile.engine.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Everything the product knows about one kind, declared once in {@link Kinds}: how the operator
 * watches it, when the write plan writes it, what a Revert does with the generated ones, and the
 * API verbs the operator's RBAC grants for it (the chart's rules are generated from these).
 *
 * @param model the fabric8 model class, or null for a kind read as a generic resource (ExternalSecret)
 * @param generatedPhase when the plan writes an object of this kind that the engine generated (null: never generated)
 * @param userPhase when the plan writes the user's own object of this kind (null: never written)
 * @param clusterScoped read cluster-wide and kept when it concerns the namespace (a ClusterRoleBinding naming one of its accounts)
 */
public record Kind(String name, String group, String version, String plural, Class<? extends HasMetadata> model,
                   boolean workload, Watch watch, WritePhase generatedPhase, WritePhase userPhase, boolean prunable,
                   OnRevert onRevert, List<String> verbs, boolean clusterScoped) {

  /** A namespaced kind. */
  public Kind(String name, String group, String version, String plural, Class<? extends HasMetadata> model,
              boolean workload, Watch watch, WritePhase generatedPhase, WritePhase userPhase, boolean prunable,
              OnRevert onRevert, List<String> verbs) {
    this(name, group, version, plural, model, workload, watch, generatedPhase, userPhase, prunable, onRevert, verbs,
        false);
  }

  /** How the operator learns about objects of the kind. */
  public enum Watch {
    /** An informer over every object of the kind in the watched namespaces: a change triggers a reconcile. */
    ALL,
    /** An informer over the operator's own objects only; the others are read once per reconcile. */
    MANAGED_ONLY,
    /** Listed once per reconcile, never cached (the CRD may not be installed). */
    READ_PER_RECONCILE
  }

  /** What deleting a profile with deletionPolicy Revert does to the generated objects of the kind. */
  public enum OnRevert {
    /** Deleted: it only describes or fronts other objects, or its workload's source Deployment is back. */
    DELETE,
    /** Deleted unless a workload still reads it once the edits are given back. */
    DELETE_IF_UNREAD,
    /** Never generated, or kept: nothing to remove. */
    KEEP
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean generated() {
    return generatedPhase != null;
  }

  /** The phase in which the plan writes {@code managed} (generated) or user objects of this kind. */
  public WritePhase phase(boolean managed) {
    return managed ? generatedPhase : userPhase;
  }
}
