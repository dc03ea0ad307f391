package dev.envprofile.engine.model;

/**
 * One thing a promotion changed or generated, for Events, logs and {@code promote}'s summary.
 * Never holds a value.
 */
public record Change(ObjectRef object, Action action, String reason, String message) {
  public enum Action { GENERATED, REWRITTEN, REPLACED }
}
