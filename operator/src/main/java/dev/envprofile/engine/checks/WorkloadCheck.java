package dev.envprofile.engine.checks;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import java.util.List;

/**
 * A check that judges each selected workload on its own. The base walks the workloads in inventory
 * order and turns each verdict into a result for the workload with this check's catalog entry; a
 * subclass only says what it concludes about one workload: {@link #pass()}, {@link #fail}, or
 * {@link #notApplicable()} (no result for that workload).
 */
public abstract class WorkloadCheck implements Check {
  private final CheckInfo info;

  protected WorkloadCheck(CheckInfo info) {
    this.info = info;
  }

  /** The verdict on one selected workload; never null. */
  protected abstract Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings);

  @Override
  public final CheckInfo info() {
    return info;
  }

  @Override
  public final void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Workload w : inventory.workloads()) {
      Verdict v = verdict(w, inventory, facts, settings);
      if (v == Verdict.NOT_APPLICABLE) {
        continue;
      }
      out.add(v.passed ? CheckResult.pass(info, inventory.refOf(w)) : CheckResult.fail(info, inventory.refOf(w), v.fixable, v.message));
    }
  }

  /** The workload meets the check. */
  protected static Verdict pass() {
    return Verdict.PASS;
  }

  /** The workload falls short; the message names keys, variables and hosts, never values. */
  protected static Verdict fail(boolean fixable, String message) {
    return new Verdict(false, fixable, message);
  }

  /** The check says nothing about this workload: it adds no result, passed or failed. */
  protected static Verdict notApplicable() {
    return Verdict.NOT_APPLICABLE;
  }

  /** What a check concludes about one workload; made by {@link #pass()}, {@link #fail} and {@link #notApplicable()}. */
  protected static final class Verdict {
    private static final Verdict PASS = new Verdict(true, false, "");
    private static final Verdict NOT_APPLICABLE = new Verdict(false, false, null);

    private final boolean passed;
    private final boolean fixable;
    private final String message;

    private Verdict(boolean passed, boolean fixable, String message) {
      this.passed = passed;
      this.fixable = fixable;
      this.message = message;
    }
  }
}
