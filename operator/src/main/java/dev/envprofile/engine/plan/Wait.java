package dev.envprofile.engine.plan;

import dev.envprofile.engine.model.ObjectRef;

/** Something the plan waits for before it goes on: it ends the plan, and the reconciler looks again later. */
public record Wait(Reason reason, ObjectRef object, ObjectRef source) {

  public enum Reason {
    /** External Secrets Operator has not written an ExternalSecret's target Secret: no consumer moves before it exists. */
    EXTERNAL_SECRET_SYNC,
    /** A StatefulSet is not ready: its source Deployment keeps serving until it is. */
    STATEFULSET_READY
  }

  /** As in the profile's status: "StatefulSet/db", "Secret/db-credentials (ExternalSecret/db)". */
  @Override
  public String toString() {
    return object.shortName() + (source == null ? "" : " (" + source.shortName() + ")");
  }
}
