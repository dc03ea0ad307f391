package dev.envprofile.engine.plan;

import java.util.List;

/**
 * What Enforce writes in one reconcile, in order, computed by the engine from the promotion and
 * the live namespace ({@link WritePlanner}); the reconciler executes it and decides nothing. A
 * failure in a phase that {@linkplain dev.envprofile.engine.model.WritePhase#stopsPlanOnFailure()
 * stops the plan} ends it; other failures are reported and the plan goes on, except to phases that
 * {@linkplain dev.envprofile.engine.model.WritePhase#needsCleanRun() need a clean run}.
 *
 * @param waits what the plan stopped short of, to be looked at again
 * @param notes objects left alone on purpose (a taken name, an immutable Job)
 */
public record WritePlan(List<Step> steps, List<Wait> waits, List<Note> notes) {

  public boolean isEmpty() {
    return steps.isEmpty() && waits.isEmpty() && notes.isEmpty();
  }

  /** The plan as text, one line per step, wait and note: what the golden files and the debug log show. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      out.append(String.format("%3d ", i + 1)).append(steps.get(i).describe()).append('\n');
    }
    waits.forEach(w -> out.append("    wait    ").append(w).append("  (").append(w.reason().name().toLowerCase(
        java.util.Locale.ROOT).replace('_', '-')).append(")\n"));
    notes.forEach(n -> out.append("    leave   ").append(n).append("  (").append(n.reason().name().toLowerCase(
        java.util.Locale.ROOT).replace('_', '-')).append(")\n"));
    return out.toString();
  }
}
