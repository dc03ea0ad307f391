package dev.envprofile.engine.plan;

import dev.envprofile.engine.model.ObjectRef;

/** An object the plan leaves alone, and why: reported in the status, never written. */
public record Note(Reason reason, ObjectRef object) {

  public enum Reason {
    /** A generated name held by an object the operator does not manage: never adopted or overwritten. */
    NAME_TAKEN,
    /** A Job's pod template is immutable: reported, promoted only by re-creating it. */
    IMMUTABLE
  }

  @Override
  public String toString() {
    return object.shortName();
  }
}
