package dev.envprofile.engine.model;

/**
 * A catalog entry: the stable id and what the docs say about it. The docs' check catalog and the
 * report are generated from these.
 *
 * @param weight how much a (check, object) pair weighs in parity: {@link #NORMAL}, {@link #LOW} for
 *     hygiene that production wants but that rarely breaks it, 0 for info checks, which describe and
 *     do not fail
 */
public record CheckInfo(String id, Severity severity, Fix fix, String failsWhen, String enforce,
                        String example, int weight) {
  public static final int NORMAL = 4;
  public static final int LOW = 1;

  public static CheckInfo of(String id, Severity severity, Fix fix, String failsWhen, String enforce, String example) {
    return new CheckInfo(id, severity, fix, failsWhen, enforce, example, severity == Severity.INFO ? 0 : NORMAL);
  }

  /** A counted check of a quarter of the usual weight (see docs/parity.md). */
  public static CheckInfo low(String id, Severity severity, Fix fix, String failsWhen, String enforce, String example) {
    if (severity == Severity.INFO) {
      throw new IllegalArgumentException("info checks do not count: " + id);
    }
    return new CheckInfo(id, severity, fix, failsWhen, enforce, example, LOW);
  }

  /** Whether the check counts in parity. */
  public boolean counted() {
    return weight > 0;
  }
}
