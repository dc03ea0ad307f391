package dev.envprofile.engine.model;

/**
 * One (check, object) pair. {@code message} never holds a credential value: checks name keys,
 * variables and hosts, never values, and the report masks any value that slips through.
 *
 * @param fixable whether Enforce would fix this failure
 * @param acceptance the acceptance that covers this failure (null: none); an expired one counts again
 */
public record CheckResult(CheckInfo check, ObjectRef object, boolean passed, boolean fixable, String message,
                          Acceptance acceptance) {
  public CheckResult(CheckInfo check, ObjectRef object, boolean passed, boolean fixable, String message) {
    this(check, object, passed, fixable, message, null);
  }

  public static CheckResult pass(CheckInfo check, ObjectRef object) {
    return new CheckResult(check, object, true, false, "");
  }

  public static CheckResult fail(CheckInfo check, ObjectRef object, boolean fixable, String message) {
    return new CheckResult(check, object, false, fixable, message);
  }

  /** A failure the team accepted (and whose acceptance has not expired): out of parity, still reported. */
  public boolean accepted() {
    return !passed && acceptance != null && !acceptance.expired();
  }

  /** A failure whose acceptance has expired: it counts again. */
  public boolean acceptanceExpired() {
    return !passed && acceptance != null && acceptance.expired();
  }

  /** A failure that counts: failing and not accepted. */
  public boolean open() {
    return !passed && !accepted();
  }

  public CheckResult withAcceptance(Acceptance a) {
    return new CheckResult(check, object, passed, fixable, message, a);
  }

  public CheckResult withMessage(String m) {
    return new CheckResult(check, object, passed, fixable, m, acceptance);
  }
}
