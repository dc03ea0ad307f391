package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.plan.Step;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the crash tests, like etcd's failpoints: with ENVPROFILE_TEST_HALT_AFTER set
 * to {@code phase[/Kind]:N} (e.g. {@code revert-log:1}, {@code generated/StatefulSet:1}) the process
 * dies, as under SIGKILL (no shutdown hooks, no cleanup), right after the N-th plan step of that
 * phase (and kind) succeeded. Unset in every real deployment.
 */
final class FailPoint {
  // NONE first: FROM_ENV's initializer returns it when the variable is unset.
  static final FailPoint NONE = new FailPoint(null, null, 0);
  static final FailPoint FROM_ENV = parse(System.getenv("ENVPROFILE_TEST_HALT_AFTER"));

  private final String phase;
  private final String kind;
  private final int n;
  private final AtomicInteger seen = new AtomicInteger();

  private FailPoint(String phase, String kind, int n) {
    this.phase = phase;
    this.kind = kind;
    this.n = n;
  }

  static FailPoint parse(String spec) {
    if (spec == null || spec.isBlank() || spec.lastIndexOf(':') < 0) {
      return NONE;
    }
    String where = spec.substring(0, spec.lastIndexOf(':'));
    int n = Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
    int slash = where.indexOf('/');
    return slash < 0 ? new FailPoint(where, null, n) : new FailPoint(where.substring(0, slash), where.substring(slash + 1), n);
  }

  /** Whether {@code step} is one this fail point counts. */
  boolean matches(Step step) {
    return phase != null && phase.equals(step.phase().label())
        && (kind == null || (step.ref() != null && kind.equals(step.ref().kind())));
  }

  void after(Step step) {
    if (matches(step) && seen.incrementAndGet() == n) {
      System.err.println("envprofile: halting after plan step " + n + " of " + phase + (kind == null ? "" : "/" + kind)
          + " (ENVPROFILE_TEST_HALT_AFTER)");
      Runtime.getRuntime().halt(137);
    }
  }
}
