package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.api.Mode;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.InvalidProfileException;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.Change;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.plan.Owner;
import dev.envprofile.engine.plan.Wait;
import dev.envprofile.engine.plan.WritePlan;
import dev.envprofile.engine.plan.WritePlanner;
import dev.envprofile.operator.policy.NamespaceGate;
import dev.envprofile.operator.policy.PolicySource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one EnvironmentProfile: validate, gather the namespace, let the engine decide, apply
 * in the safe order (Enforce only), then write the status if it changed. The engine does the
 * deciding; this class only sequences I/O.
 */
@ControllerConfiguration(name = "environmentprofile", finalizerName = ProfileReconciler.FINALIZER,
    fieldManager = "envprofile-operator")
public final class ProfileReconciler implements Reconciler<EnvironmentProfile>, Cleaner<EnvironmentProfile> {
  public static final String FINALIZER = "envprofile.dev/finalizer";
  private static final Logger LOG = LoggerFactory.getLogger(ProfileReconciler.class);
  private static final long WAIT_SECONDS = 5;
  private static final long STATEFULSET_WAIT_SECONDS = 30;
  private static final long CLEANUP_RETRY_SECONDS = 10;
  private static final long RECHECK_SECONDS = 30;

  private final Clock clock;
  private final StatusBuilder statuses;
  private final ParityGauges parity;
  private final Map<String, java.time.Instant> failingSince = new ConcurrentHashMap<>();
  /** Namespace of the revert logs: the operator's own, where tenants cannot write. */
  private final String logNamespace;
  private final EngineRunner engine;

  private final PolicySource policy;
  private final NamespaceGate gate;

  public ProfileReconciler(MeterRegistry registry, String logNamespace, java.time.Duration engineDeadline,
                           PolicySource policy, NamespaceGate gate) {
    this(registry, Clock.systemUTC(), logNamespace, engineDeadline, policy, gate);
  }

  ProfileReconciler(MeterRegistry registry, Clock clock, String logNamespace, java.time.Duration engineDeadline,
                    PolicySource policy, NamespaceGate gate) {
    this.parity = new ParityGauges(registry);
    this.policy = policy;
    this.gate = gate;
    this.clock = clock;
    this.statuses = new StatusBuilder(clock);
    this.logNamespace = logNamespace;
    this.engine = new EngineRunner(engineDeadline, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
  }

  public void close() {
    engine.close();
  }

  @Override
  public List<EventSource<?, EnvironmentProfile>> prepareEventSources(EventSourceContext<EnvironmentProfile> ctx) {
    return WatchedKinds.eventSources(ctx);
  }

  /**
   * One reconcile, whatever the namespace holds: an unreadable revert log, an engine past its
   * deadline or an Error (a StackOverflowError on a hostile input) make the profile Degraded with
   * an Event; the process and the other namespaces carry on. API errors still go to the
   * framework's retry. OutOfMemoryError is not caught: the JVM exits on it (-XX:+ExitOnOutOfMemoryError)
   * and every read that could cause one is bounded.
   */
  @Override
  public UpdateControl<EnvironmentProfile> reconcile(EnvironmentProfile profile, Context<EnvironmentProfile> ctx) {
    EventRecorder events = new EventRecorder(ctx.getClient(), clock);
    try {
      return reconcile(profile, ctx, events);
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw e;
    } catch (RevertLog.Unreadable e) {
      return degraded(profile, "RevertLogUnreadable", e.getMessage() + "; nothing is written until an administrator "
          + "deletes Secret " + logNamespace + "/" + RevertLog.secretName(profile), events);
    } catch (EngineRunner.Failed e) {
      if (EngineRunner.INTERRUPTED.equals(e.reason)) {
        // The operator is stopping: this reconcile ends without a verdict, and the next leader
        // reconciles the profile again. Writing Degraded here would flip every profile in flight.
        return UpdateControl.noUpdate();
      }
      return degraded(profile, e.reason, e.getMessage(), events);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // The class and where it was thrown (frames carry no values; the message might).
      LOG.error("reconcile of {}/{} failed: {} at {}", profile.getMetadata().getNamespace(),
          profile.getMetadata().getName(), e.getClass().getName(), frames(e));
      return degraded(profile, "ReconcileFailed", "the reconcile failed (" + e.getClass().getSimpleName()
          + "); the operator keeps serving the other namespaces", events);
    }
  }

  /** The first frames of our own code where a throwable came from, for the log. */
  static String frames(Throwable e) {
    return String.join(" < ", java.util.Arrays.stream(e.getStackTrace())
        .filter(f -> f.getClassName().startsWith("dev.envprofile.")).limit(4).map(StackTraceElement::toString).toList());
  }

  private UpdateControl<EnvironmentProfile> degraded(EnvironmentProfile profile, String reason, String message,
                                                    EventRecorder events) {
    EnvironmentProfileStatus status = statuses.degraded(profile, reason, message);
    parity.degraded(profile.getMetadata().getNamespace(), profile.getMetadata().getName(), true);
    if (!Objects.equals(conditionsOf(profile.getStatus()), conditionsOf(status))) {
      events.warning(profile, reason, message);
      LOG.warn("profile {}/{} is degraded: {}", profile.getMetadata().getNamespace(), profile.getMetadata().getName(),
          message);
    }
    return patchIfChanged(profile, status).rescheduleAfter(60, TimeUnit.SECONDS);
  }

  private UpdateControl<EnvironmentProfile> reconcile(EnvironmentProfile profile, Context<EnvironmentProfile> ctx,
                                                      EventRecorder events) {
    String ns = profile.getMetadata().getNamespace();
    if (gate.isProtected(ns)) {
      // Filtered out before any reconcile; should one arrive, it writes nothing, not even a status.
      LOG.warn("profile {}/{} is in a protected namespace: ignored", ns, profile.getMetadata().getName());
      return UpdateControl.noUpdate();
    }
    EnvironmentProfile first = oldestIn(ctx, ns);
    if (first != null && !first.getMetadata().getUid().equals(profile.getMetadata().getUid())) {
      String message = "EnvironmentProfile/" + first.getMetadata().getName()
          + " already manages this namespace; a namespace has one profile";
      return invalid(profile, "Conflict", message, events);
    }
    Settings settings;
    try {
      settings = Engine.settings(ns, profile.getSpec(), java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    } catch (InvalidProfileException e) {
      return invalid(profile, "InvalidSpec", e.getMessage(), events);
    }
    // The administrator's rules come before anything is read or written for the namespace; a
    // refused profile is looked at again every half minute (the label or the policy may change).
    String refusal = gate.refusal(ns, ctx.getClient());
    if (refusal != null) {
      return invalid(profile, "NamespaceNotEnabled", refusal, events).rescheduleAfter(RECHECK_SECONDS, TimeUnit.SECONDS);
    }
    List<String> violations = policy.current().violations(settings);
    if (!violations.isEmpty()) {
      return invalid(profile, "PolicyViolation", "outside the administrator's policy: " + String.join("; ", violations),
          events).rescheduleAfter(RECHECK_SECONDS, TimeUnit.SECONDS);
    }
    NamespaceSnapshot snapshot = NamespaceSnapshot.gather(profile, ctx);
    Inventory inventory = Inventory.of(ns, snapshot.userView(), settings.selector());
    boolean enforce = settings.mode() == Mode.Enforce && settings.rewrites();
    Result result = engine.run(key(profile), () -> enforce ? Engine.promote(snapshot.userView(), settings)
        : Engine.audit(snapshot.userView(), settings));
    PlanExecutor.Outcome outcome = null;
    if (enforce) {
      WritePlan plan = WritePlanner.plan(result, snapshot, new Owner(ns, profile.getMetadata().getName(),
          profile.getMetadata().getUid()));
      if (LOG.isDebugEnabled() && !plan.isEmpty()) {
        LOG.debug("profile {}/{}: plan\n{}", ns, profile.getMetadata().getName(), plan.render());
      }
      Writer writer = new Writer(ctx.getClient(), logNamespace);
      outcome = new PlanExecutor(writer, profile, new RevertLogStore(ctx.getClient(), logNamespace), FailPoint.FROM_ENV)
          .checkRevertLog().execute(plan);
      announce(profile, result, outcome, events);
    }
    WritePlan preview = null;
    if (!enforce && settings.rewrites()) {
      // Audit mode: what Enforce would write now, computed and shown, never executed.
      Result promoted = engine.run(key(profile), () -> Engine.promote(snapshot.userView(), settings));
      preview = WritePlanner.plan(promoted, snapshot, new Owner(ns, profile.getMetadata().getName(),
          profile.getMetadata().getUid()));
    }
    parity.record(ns, profile.getMetadata().getName(), result.report().parity(), result.report().parityTarget());
    EnvironmentProfileStatus status = statuses.build(profile, result, inventory, outcome, preview);
    announceExpired(profile, status, events);
    parity.degraded(ns, profile.getMetadata().getName(), status.phase == EnvironmentProfileStatus.Phase.Degraded);
    boolean waiting = outcome != null && !outcome.waiting.isEmpty();
    UpdateControl<EnvironmentProfile> control = patchIfChanged(profile, status);
    if (outcome != null && !outcome.failures.isEmpty()) {
      // A refused write (a conflict, a webhook, a quota) may clear without any event the operator
      // watches: try again after as long as writes have been failing, from 5 s up to a minute.
      // (Counting attempts instead would back off too far: events also trigger attempts.)
      long failing = java.time.Duration.between(failingSince.computeIfAbsent(key(profile), k -> clock.instant()),
          clock.instant()).toSeconds();
      return control.rescheduleAfter(Math.max(WAIT_SECONDS, Math.min(failing, 60)), TimeUnit.SECONDS);
    }
    failingSince.remove(key(profile));
    if (waiting) {
      return control.rescheduleAfter(waitSeconds(outcome.waiting), TimeUnit.SECONDS);
    }
    // Something was written: look again soon even if no watched event follows (a write to an object
    // no informer sees, such as the revert log in the operator's namespace, or an event filtered as
    // irrelevant left a profile "Promoting" until the resync). The next pass writes nothing.
    return outcome != null && !outcome.written.isEmpty() ? control.rescheduleAfter(WAIT_SECONDS, TimeUnit.SECONDS) : control;
  }

  /**
   * How long to wait before looking again. A StatefulSet becoming ready is an event the operator
   * watches, so the timer is only a fallback; polling every 5 s made most of the reconciles (and
   * of the operator's CPU) of the scale benchmark. A Secret that External Secrets Operator writes
   * is not watched (the Secrets informer holds only the operator's own), so that wait polls.
   */
  static long waitSeconds(java.util.Collection<Wait> waiting) {
    return waiting.stream().allMatch(w -> w.reason() == Wait.Reason.STATEFULSET_READY) ? STATEFULSET_WAIT_SECONDS
        : WAIT_SECONDS;
  }

  @Override
  public DeleteControl cleanup(EnvironmentProfile profile, Context<EnvironmentProfile> ctx) {
    EnvironmentProfile first = oldestIn(ctx, profile.getMetadata().getNamespace());
    boolean active = first == null || first.getMetadata().getUid().equals(profile.getMetadata().getUid());
    if (active) {
      EventRecorder events = new EventRecorder(ctx.getClient(), clock);
      Cleanup cleanup = new Cleanup(ctx.getClient(), profile, events, new RevertLogStore(ctx.getClient(), logNamespace),
          NamespaceSnapshot.gather(profile, ctx));
      List<String> problems = cleanup.run();
      if (!problems.isEmpty()) {
        // The finalizer stays until the cleanup is complete; every step can run again.
        events.warning(profile, "CleanupFailed", problems.size() + " steps failed, retrying: " + problems.get(0));
        LOG.warn("cleanup of profile {}/{} is not complete: {}", profile.getMetadata().getNamespace(),
            profile.getMetadata().getName(), problems);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(CLEANUP_RETRY_SECONDS, TimeUnit.SECONDS);
      }
      LOG.info("profile {}/{} deleted, {}", profile.getMetadata().getNamespace(), profile.getMetadata().getName(),
          cleanup.summary());
    } else {
      LOG.info("profile {}/{} deleted: it did not manage the namespace, nothing to clean up",
          profile.getMetadata().getNamespace(), profile.getMetadata().getName());
    }
    parity.remove(profile.getMetadata().getNamespace(), profile.getMetadata().getName());
    failingSince.remove(key(profile));
    return DeleteControl.defaultDelete();
  }

  private UpdateControl<EnvironmentProfile> invalid(EnvironmentProfile profile, String reason, String message,
                                                   EventRecorder events) {
    EnvironmentProfileStatus status = statuses.invalid(profile, reason, message);
    parity.degraded(profile.getMetadata().getNamespace(), profile.getMetadata().getName(), false);
    boolean changed = !Objects.equals(conditionsOf(profile.getStatus()), conditionsOf(status));
    if (changed) {
      events.warning(profile, reason, message);
      LOG.warn("profile {}/{} is not valid: {}", profile.getMetadata().getNamespace(), profile.getMetadata().getName(),
          message);
    }
    return patchIfChanged(profile, status);
  }

  private static String conditionsOf(EnvironmentProfileStatus s) {
    return s == null ? "" : s.conditions.stream().map(c -> c.getType() + c.getStatus() + c.getReason() + c.getMessage())
        .reduce("", String::concat);
  }

  private record Announced(String subject, String message) {}

  private void announce(EnvironmentProfile profile, Result result, PlanExecutor.Outcome outcome, EventRecorder events) {
    // One Event per reason and reconcile: a namespace's first promotion changes dozens of objects,
    // and an Event each would be most of the operator's writes (measured by the scale benchmark).
    Map<String, List<Announced>> byReason = new LinkedHashMap<>();
    for (Change c : result.changes()) {
      boolean applied = outcome.written.stream().anyMatch(w -> w.kind().equals(c.object().kind())
          && w.name().equals(c.object().name()));
      if (applied) {
        String message = result.redactor().mask(c.message());
        String subject = c.object().shortName();
        byReason.computeIfAbsent(c.reason(), r -> new java.util.ArrayList<>())
            .add(new Announced(subject, message.startsWith(subject) ? message : subject + ": " + message));
      }
    }
    byReason.forEach((reason, list) -> events.normal(profile, reason, list.size() == 1 ? list.get(0).message()
        : list.size() + " changes to " + String.join(", ", list.stream().map(Announced::subject).distinct().toList())));
    if (!outcome.pruned.isEmpty()) {
      events.normal(profile, "GeneratedObjectRemoved", String.join(", ", outcome.pruned.stream()
          .map(ObjectRef::shortName).toList())
          + (outcome.pruned.size() == 1 ? " is" : " are") + " no longer needed: workload gone or no longer selected");
    }
    for (PlanExecutor.Failure f : outcome.failures) {
      events.warning(profile, "ApplyFailed", result.redactor().mask(f.toString()));
    }
    if (!outcome.written.isEmpty()) {
      // Which objects (the first few): a write that repeats on every pass is then visible in the log.
      LOG.info("profile {}/{}: {} objects written ({}{}){}", profile.getMetadata().getNamespace(),
          profile.getMetadata().getName(), outcome.written.size(),
          String.join(", ", outcome.written.stream().limit(5).map(ObjectRef::shortName).toList()),
          outcome.written.size() > 5 ? ", ..." : "",
          outcome.waiting.isEmpty() ? "" : ", waiting for " + outcome.waiting);
    }
  }

  /** A Warning Event once per acceptance that expired since the last status (the condition message says it too). */
  static List<String> newlyExpired(EnvironmentProfileStatus old, EnvironmentProfileStatus now) {
    if (now.expiredAcceptances == null) {
      return List.of();
    }
    List<String> before = old == null || old.expiredAcceptances == null ? List.of() : old.expiredAcceptances;
    return now.expiredAcceptances.stream().filter(e -> !before.contains(e)).toList();
  }

  private void announceExpired(EnvironmentProfile profile, EnvironmentProfileStatus status, EventRecorder events) {
    List<String> fresh = newlyExpired(profile.getStatus(), status);
    if (!fresh.isEmpty()) {
      events.warning(profile, "AcceptanceExpired", fresh.size() + " accepted finding(s) count again: "
          + String.join(", ", fresh.stream().limit(5).toList()) + (fresh.size() > 5 ? ", ..." : "")
          + "; renew the date in spec.acceptedFindings or fix them");
    }
  }

  private static UpdateControl<EnvironmentProfile> patchIfChanged(EnvironmentProfile profile,
                                                                  EnvironmentProfileStatus status) {
    if (Writer.SERIALIZATION.asJson(status).equals(profile.getStatus() == null ? "" : Writer.SERIALIZATION.asJson(profile.getStatus()))) {
      return UpdateControl.noUpdate();
    }
    EnvironmentProfile patch = new EnvironmentProfile();
    patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName(profile.getMetadata().getName()).withNamespace(profile.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return UpdateControl.patchStatus(patch);
  }

  /** The profile that manages the namespace: the oldest, then the first by name. */
  private static EnvironmentProfile oldestIn(Context<EnvironmentProfile> ctx, String ns) {
    return ctx.getPrimaryCache().byIndex(io.fabric8.kubernetes.client.informers.cache.Cache.NAMESPACE_INDEX, ns).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .min(Comparator.comparing((EnvironmentProfile p) -> p.getMetadata().getCreationTimestamp())
            .thenComparing(p -> p.getMetadata().getName()))
        .orElse(null);
  }

  private static String key(EnvironmentProfile p) {
    return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
  }
}
