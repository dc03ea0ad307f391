package dev.envprofile.engine.model;

/**
 * One (check, object) pair. {@code message} never holds a credential value: checks name keys,
 * variables and hosts, never values, and the report masks any value that slips through.
 *
 * @param fixable whether Enforce would fix this failure
 */
public record CheckResult(CheckInfo check, ObjectRef object, boolean passed, boolean fixable, String message) {
  public static CheckResult pass(CheckInfo check, ObjectRef object) {
    return new CheckResult(check, object, true, false, "");
  }

  public static CheckResult fail(CheckInfo check, ObjectRef object, boolean fixable, String message) {
    return new CheckResult(check, object, false, fixable, message);
  }
}
