package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.plan.Note;
import dev.envprofile.engine.plan.Step;
import dev.envprofile.engine.plan.Wait;
import dev.envprofile.engine.plan.WritePlan;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Executes a {@link WritePlan}: one write per step, in order, and nothing the plan does not say.
 * What a failure does is the plan's phase rule, not a decision of this class.
 */
final class PlanExecutor {
  private final Writer writer;
  private final EnvironmentProfile profile;
  private final RevertLogStore logs;
  private final FailPoint failPoint;

  /** A write that failed: which object (or the revert log) and the API server's reason, never a value. */
  record Failure(String object, String reason) {
    @Override
    public String toString() {
      return object + ": " + reason;
    }
  }

  /** What executing a plan did. */
  static final class Outcome {
    final Set<ObjectRef> written = new LinkedHashSet<>();
    final List<Wait> waiting = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    /** Generated names held by objects the operator does not manage. */
    final List<Note> skipped = new ArrayList<>();
    /** Objects whose promotion the API cannot apply in place (a Job's pod template): reported, not a failure. */
    final List<Note> immutable = new ArrayList<>();
    final List<ObjectRef> pruned = new ArrayList<>();
  }

  PlanExecutor(Writer writer, EnvironmentProfile profile, RevertLogStore logs, FailPoint failPoint) {
    this.writer = writer;
    this.profile = profile;
    this.logs = logs;
    this.failPoint = failPoint;
  }

  /**
   * Reads the profile's revert log before a promotion's plan runs, whatever the plan holds: a log
   * that cannot be read ({@link RevertLog.Unreadable}) makes the profile Degraded on every Enforce
   * reconcile, not only on the next one that records an edit (a Revert would give back nothing).
   */
  PlanExecutor checkRevertLog() {
    log = logs.read(profile);
    return this;
  }

  private RevertLog log;

  Outcome execute(WritePlan plan) {
    Outcome outcome = new Outcome();
    outcome.waiting.addAll(plan.waits());
    for (Note n : plan.notes()) {
      (n.reason() == Note.Reason.IMMUTABLE ? outcome.immutable : outcome.skipped).add(n);
    }
    for (Step step : plan.steps()) {
      if (step.phase().needsCleanRun() && !outcome.failures.isEmpty()) {
        continue;
      }
      try {
        run(step, outcome);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404 && step.phase().toleratesGone()) {
          continue; // gone already (the namespace is being deleted): nothing to clean
        }
        outcome.failures.add(failure(step, e));
        if (step.phase().stopsPlanOnFailure()) {
          break;
        }
        continue;
      }
      failPoint.after(step);
    }
    return outcome;
  }

  private void run(Step step, Outcome outcome) {
    // Java 17: no pattern switch over the sealed steps.
    if (step instanceof Step.RecordRevert r) {
      // The log read here is the one the plan adds to: a reconcile that keeps waiting records nothing new.
      RevertLog current = log != null ? log : logs.read(profile);
      r.edits().forEach(e -> current.record(e.have(), e.want(), r.refs()));
      if (current.changed()) {
        logs.write(current, profile, writer);
      }
    } else if (step instanceof Step.Apply a) {
      writer.apply(a.body().deepCopy());
      outcome.written.add(a.ref());
    } else if (step instanceof Step.Patch p) {
      writer.jsonPatchRebased(p.target(), p.ops());
      outcome.written.add(p.ref());
    } else if (step instanceof Step.Delete d) {
      writer.delete(d.target(), d.guarded());
      if (d.phase() == dev.envprofile.engine.model.WritePhase.PRUNE) {
        outcome.pruned.add(d.ref());
      }
    } else if (step instanceof Step.ReleaseFields r) {
      writer.releaseFields(r.target());
    } else if (step instanceof Step.ForgetLog) {
      // The log holds copies of credential values: it goes as soon as nothing needs it.
      logs.delete(profile);
    }
  }

  private Failure failure(Step step, KubernetesClientException e) {
    if (step instanceof Step.RecordRevert || step instanceof Step.ForgetLog) {
      return new Failure("Secret/" + logs.namespace() + "/" + RevertLog.secretName(profile) + " (revert log)",
          reason(e) + (e.getCode() == 404 ? " (create the operator's namespace, or pass --operator-namespace)" : ""));
    }
    return new Failure(step.ref().shortName(), reason(e));
  }

  static String reason(KubernetesClientException e) {
    String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    return "HTTP " + e.getCode() + ": " + (m == null ? "" : m.lines().findFirst().orElse(""));
  }
}
