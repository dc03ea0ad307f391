package dev.envprofile.engine.plan;

import dev.envprofile.engine.model.ObjectRef;

/** An object the plan leaves alone, and why: reported in the status, never written. */
public record Note(Reason reason, ObjectRef object, String detail) {

  public Note(Reason reason, ObjectRef object) {
    this(reason, object, null);
  }

  public enum Reason {
    /** A generated name held by an object the operator does not manage: never adopted or overwritten. */
    NAME_TAKEN,
    /** A Job's pod template is immutable: reported, promoted only by re-creating it. */
    IMMUTABLE,
    /** Revert: fields changed since the promotion keep their new value (detail: the paths). */
    REVERT_CONFLICT,
    /** Revert: edits no promotion makes, never given back whatever the log says (detail: the paths). */
    REVERT_REFUSED,
    /** Revert: the revert log could not be read; nothing is given back (detail: why, never a value). */
    LOG_UNREADABLE
  }

  /** The object (when the note is about one), then the detail (when there is one). */
  @Override
  public String toString() {
    String what = object == null ? "" : object.shortName();
    return detail == null ? what : what.isEmpty() ? detail : what + ": " + detail;
  }
}
