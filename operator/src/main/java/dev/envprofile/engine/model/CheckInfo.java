package dev.envprofile.engine.model;

/**
 * A catalog entry: the stable id and what the docs say about it. The docs' check catalog and the
 * report are generated from these.
 *
 * @param counted whether the check counts in parity (info checks describe, they do not fail)
 */
public record CheckInfo(String id, Severity severity, Fix fix, String failsWhen, String enforce,
                        String example, boolean counted) {
  public static CheckInfo of(String id, Severity severity, Fix fix, String failsWhen, String enforce, String example) {
    return new CheckInfo(id, severity, fix, failsWhen, enforce, example, severity != Severity.INFO);
  }
}
