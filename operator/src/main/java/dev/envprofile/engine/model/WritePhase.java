package dev.envprofile.engine.model;

/**
 * The order in which a promotion reaches the cluster (docs/operator.md, "The safe order"). Each
 * phase starts only from what the previous ones made safe: a consumer is pointed at a Secret that
 * exists, a Deployment stops only once its StatefulSet serves, a default deny comes after the
 * rules that allow, and a key leaves a ConfigMap only when nothing reads it there.
 */
public enum WritePhase {
  /** What user objects are about to lose or gain, written before any of them changes. */
  REVERT_LOG,
  /** Secrets and ExternalSecrets, before any consumer points at them. */
  CREDENTIALS,
  /** Generated Services and StatefulSets. */
  GENERATED,
  /** A replaced Deployment goes to 0 replicas once its StatefulSet is ready. */
  CUTOVER,
  /** The user's own objects: workloads, Services, Ingresses, ConfigMap additions. */
  USER_OBJECTS,
  /** NetworkPolicies (allow rules before the default deny), budgets and autoscalers. */
  POLICIES,
  /** Generated policies, budgets and autoscalers the promotion no longer wants. */
  PRUNE,
  /** Last, keys leave ConfigMaps, once every consumer reads them from the Secret. */
  SCRUB,

  // What deleting a profile does (docs/operator.md, "Deletion"): the counterparts, in their order.

  /** Revert: user objects get back what the promotion changed, ConfigMaps first, then their consumers. */
  GIVE_BACK,
  /** Revert: the operator's field ownership of user objects is released. */
  RELEASE_FIELDS,
  /** Revert: generated objects go (the registry says which; a Secret only when nothing reads it). */
  REMOVE_GENERATED,
  /** Generated objects that stay lose their owner reference, so garbage collection keeps them. */
  DISOWN,
  /** The revert log goes, once everything else is done: it holds copies of credential values. */
  FORGET_LOG;

  /** A failed write in this phase ends the plan: nothing is written without a log to undo it. */
  public boolean stopsPlanOnFailure() {
    return this == REVERT_LOG;
  }

  /** Steps of this phase run only when no earlier step failed: no consumer may still read a key being removed. */
  public boolean needsCleanRun() {
    return this == SCRUB || this == FORGET_LOG;
  }

  /** Whether an object already gone counts as done (a profile's cleanup while its namespace is deleted). */
  public boolean toleratesGone() {
    return ordinal() >= GIVE_BACK.ordinal();
  }

  /** The name in plans, logs and the crash tests' halt points: "user-objects". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
