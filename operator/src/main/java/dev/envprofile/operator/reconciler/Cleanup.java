package dev.envprofile.operator.reconciler;

import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.model.WritePhase;
import dev.envprofile.engine.plan.LiveObjects;
import dev.envprofile.engine.plan.Note;
import dev.envprofile.engine.plan.Owner;
import dev.envprofile.engine.plan.RevertPlanner;
import dev.envprofile.engine.plan.Step;
import dev.envprofile.engine.plan.WritePlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a profile does (its finalizer): reads the revert log, lets the engine plan the
 * cleanup ({@link RevertPlanner}: Retain disowns, Revert gives back and removes), executes the
 * plan and reports what it could not do. Every step can run again: a failed one keeps the
 * finalizer and the whole cleanup runs again.
 */
final class Cleanup {
  private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);

  private final KubernetesClient client;
  private final EnvironmentProfile profile;
  private final EventRecorder events;
  private final RevertLogStore logs;
  private final LiveObjects live;
  private final String ns;
  private boolean revert;
  private WritePlan plan;

  Cleanup(KubernetesClient client, EnvironmentProfile profile, EventRecorder events, RevertLogStore logs,
          LiveObjects live) {
    this.client = client;
    this.profile = profile;
    this.events = events;
    this.logs = logs;
    this.live = live;
    this.ns = profile.getMetadata().getNamespace();
  }

  /** Runs the cleanup; the problems it met, as "Kind/name: reason" (empty when it is done). */
  List<String> run() {
    revert = profile.getSpec() != null && profile.getSpec().deletionPolicy == DeletionPolicy.Revert;
    Map<String, RevertPlanner.Entry> log = null;
    String unreadable = null;
    if (revert) {
      try {
        log = logs.read(profile).entries();
      } catch (RevertLog.Unreadable e) {
        unreadable = e.getMessage();
      } catch (KubernetesClientException e) {
        // Without the log nothing may be judged safe to remove: the whole cleanup waits for it.
        return List.of("read the revert log: " + PlanExecutor.reason(e));
      }
    }
    plan = RevertPlanner.plan(live, new Owner(ns, profile.getMetadata().getName(), profile.getMetadata().getUid()),
        revert, log, unreadable);
    if (LOG.isDebugEnabled()) {
      LOG.debug("profile {}/{}: cleanup plan\n{}", ns, profile.getMetadata().getName(), plan.render());
    }
    report(plan.notes());
    PlanExecutor.Outcome outcome = new PlanExecutor(new Writer(client, logs.namespace()), profile, logs,
        FailPoint.NONE).execute(plan);
    return outcome.failures.stream().map(PlanExecutor.Failure::toString).toList();
  }

  private void report(List<Note> notes) {
    for (Note n : notes) {
      switch (n.reason()) {
        case LOG_UNREADABLE -> {
          events.warning(profile, "RevertLogUnreadable", n.detail() + "; no edit is given back");
          LOG.warn("profile {}/{}: {}", ns, profile.getMetadata().getName(), n.detail());
        }
        case REVERT_CONFLICT -> events.warning(profile, "RevertConflict", n.object().shortName() + ": " + n.detail());
        case REVERT_REFUSED -> events.warning(profile, "RevertRefused", n.detail());
        default -> { }
      }
    }
  }

  /** What a completed cleanup did, for the operator's log: one line, counts only. */
  String summary() {
    long givenBack = count(WritePhase.GIVE_BACK);
    long deleted = count(WritePhase.REMOVE_GENERATED);
    long kept = count(WritePhase.DISOWN);
    return revert
        ? "reverted: edits given back on " + count(givenBack, "object") + ", " + count(deleted, "generated object")
            + " deleted, " + count(kept, "Secret") + " still read kept without owner"
        : "deletionPolicy Retain: " + count(kept, "generated object") + " kept without owner, user objects left promoted";
  }

  private long count(WritePhase phase) {
    return plan == null ? 0 : plan.steps().stream().filter(s -> s.phase() == phase && !(s instanceof Step.ForgetLog)).count();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
