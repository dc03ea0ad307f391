package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.api.EnvironmentProfileStatus.FindingStatus;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.api.EnvironmentProfileStatus.WorkloadStatus;
import dev.envprofile.api.Mode;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.plan.Wait;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.engine.report.Report;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Computes a profile's status in one place: phase, parity, conditions, workloads and capped findings. */
final class StatusBuilder {
  static final int MAX_FINDINGS = 50;

  private static final Map<String, Predicate<String>> AREAS = dev.envprofile.engine.report.Areas.BY_CONDITION;
  private static final List<String> AREA_ORDER = dev.envprofile.engine.report.Areas.ORDER;

  private final Clock clock;

  StatusBuilder(Clock clock) {
    this.clock = clock;
  }

  /** The status of a profile that cannot act: invalid spec, or a second profile in the namespace. */
  EnvironmentProfileStatus invalid(EnvironmentProfile p, String reason, String message) {
    EnvironmentProfileStatus old = p.getStatus();
    EnvironmentProfileStatus s = new EnvironmentProfileStatus();
    s.observedGeneration = p.getMetadata().getGeneration();
    s.phase = Phase.Invalid;
    if (old != null) {
      s.parity = old.parity;
      s.parityDisplay = old.parityDisplay;
      s.parityTarget = old.parityTarget;
    }
    Conditions c = new Conditions(old == null ? null : old.conditions, generation(p), clock);
    c.set("Ready", false, reason, message).set("Valid", false, reason, message);
    s.conditions = c.list();
    return s;
  }

  /**
   * The status of a profile whose reconcile could not finish (an unreadable revert log, the
   * engine's deadline, an error): Degraded, the rest of the last status kept.
   */
  EnvironmentProfileStatus degraded(EnvironmentProfile p, String reason, String message) {
    EnvironmentProfileStatus old = p.getStatus();
    EnvironmentProfileStatus s = new EnvironmentProfileStatus();
    if (old != null) {
      s.parity = old.parity;
      s.parityDisplay = old.parityDisplay;
      s.parityTarget = old.parityTarget;
      s.checks = old.checks;
      s.workloads = old.workloads;
      s.findings = old.findings;
      s.findingsOmitted = old.findingsOmitted;
      s.accepted = old.accepted;
      s.acceptedOmitted = old.acceptedOmitted;
      s.expiredAcceptances = old.expiredAcceptances;
    }
    s.observedGeneration = p.getMetadata().getGeneration();
    s.phase = Phase.Degraded;
    Conditions c = new Conditions(old == null ? null : old.conditions, generation(p), clock);
    if (old != null && old.conditions != null) {
      old.conditions.stream().filter(x -> !x.getType().equals("Ready"))
          .forEach(x -> c.set(x.getType(), "True".equals(x.getStatus()), x.getReason(), x.getMessage()));
    }
    c.set("Ready", false, reason, message);
    s.conditions = c.list();
    return s;
  }

  EnvironmentProfileStatus build(EnvironmentProfile p, Result result, Inventory inventory, PlanExecutor.Outcome outcome) {
    return build(p, result, inventory, outcome, null);
  }

  /** {@code preview}: in Audit mode, the plan Enforce would execute now (summarised into status.plan). */
  EnvironmentProfileStatus build(EnvironmentProfile p, Result result, Inventory inventory, PlanExecutor.Outcome outcome,
                                 dev.envprofile.engine.plan.WritePlan preview) {
    EnvironmentProfileStatus old = p.getStatus();
    Report report = result.report();
    Redactor redactor = result.redactor();
    boolean enforce = result.settings().mode() == Mode.Enforce && result.settings().rewrites();
    EnvironmentProfileStatus s = new EnvironmentProfileStatus();
    s.observedGeneration = p.getMetadata().getGeneration();
    s.parity = report.parity();
    s.parityDisplay = report.parity() + "%";
    s.parityTarget = report.parityTarget();
    s.checks = new EnvironmentProfileStatus.CheckCounts(report.passed(), report.failed(), report.accepted());
    Conditions c = new Conditions(old == null ? null : old.conditions, generation(p), clock);
    c.set("Valid", true, "Valid", "the profile is valid and the only one in its namespace");
    List<CheckResult> expired = report.expired();
    c.set("ParityTargetMet", report.targetMet(), report.targetMet() ? "TargetMet" : "BelowTarget",
        "parity " + report.parity() + "% against a target of " + report.parityTarget() + "%"
            + (report.accepted() > 0 ? "; " + report.accepted() + " accepted finding(s) out of the count" : "")
            + (expired.isEmpty() ? "" : "; " + expired.size() + " acceptance(s) expired and count again: "
                + summary(expired)));
    for (String area : AREA_ORDER) {
      area(c, area, report, enforce, outcome, redactor);
    }
    boolean failed = outcome != null && (!outcome.failures.isEmpty() || !outcome.skipped.isEmpty()
        || !result.conflicts().isEmpty());
    boolean pending = outcome != null && (!outcome.waiting.isEmpty() || !outcome.written.isEmpty());
    if (!enforce) {
      s.phase = Phase.Auditing;
      c.set("Ready", true, "Audited", "audit mode: status only, no workload is changed");
    } else if (failed) {
      s.phase = Phase.Degraded;
      String why = String.join("; ", concat(strings(outcome.failures), strings(outcome.skipped),
          result.conflicts().stream().map(x -> x.wanted().shortName() + " is not managed by envprofile").toList()));
      c.set("Ready", false, "ApplyFailed", redactor.mask(why));
    } else if (pending) {
      s.phase = Phase.Promoting;
      c.set("Ready", false, "Promoting", outcome.waiting.isEmpty()
          ? outcome.written.size() + " objects written, waiting for them to settle"
          : "waiting for " + String.join(", ", strings(outcome.waiting)) + " to become ready");
    } else {
      s.phase = Phase.Promoted;
      boolean allAreas = AREA_ORDER.stream().allMatch(c::isTrue);
      List<String> immutable = outcome == null ? List.of() : strings(outcome.immutable);
      c.set("Ready", true, "Promoted", !immutable.isEmpty()
          ? "every rewrite is applied but to " + String.join(", ", immutable)
              + " (a Job's pod template is immutable: re-create the Job from `envprofile promote` to promote it)"
          : allAreas ? "the namespace has the tier's shape" : "every rewrite is applied; the remaining findings need a person");
    }
    s.conditions = c.list();
    s.workloads = workloads(inventory, result, report);
    List<CheckResult> findings = report.findings();
    s.findings = findings.stream().limit(MAX_FINDINGS).map(StatusBuilder::finding).toList();
    s.findingsOmitted = findings.size() > MAX_FINDINGS ? findings.size() - MAX_FINDINGS : null;
    List<CheckResult> accepted = report.acceptedFindings();
    s.accepted = accepted.isEmpty() ? null : accepted.stream().limit(MAX_FINDINGS).map(StatusBuilder::accepted).toList();
    s.acceptedOmitted = accepted.size() > MAX_FINDINGS ? accepted.size() - MAX_FINDINGS : null;
    s.expiredAcceptances = expired.isEmpty() ? null : expiredAcceptances(expired);
    s.plan = preview == null ? null : PlanSummary.of(preview, report, AREAS, AREA_ORDER);
    return s;
  }

  private static void area(Conditions c, String area, Report report, boolean enforce, PlanExecutor.Outcome outcome,
                           Redactor redactor) {
    Predicate<String> ids = AREAS.get(area);
    List<CheckResult> failing = report.findings().stream().filter(r -> ids.test(r.check().id())).toList();
    if (!enforce) {
      c.set(area, failing.isEmpty(), failing.isEmpty() ? "ChecksPass" : "ChecksFail",
          failing.isEmpty() ? "no failing check" : failing.size() + " failing: " + summary(failing));
      return;
    }
    List<String> waitingStatefulSets = outcome == null ? List.of()
        : outcome.waiting.stream().filter(w -> w.reason() == Wait.Reason.STATEFULSET_READY).map(Wait::toString).toList();
    List<String> waitingSecrets = outcome == null ? List.of()
        : outcome.waiting.stream().filter(w -> w.reason() == Wait.Reason.EXTERNAL_SECRET_SYNC).map(Wait::toString).toList();
    if (area.equals("StorageReady") && !waitingStatefulSets.isEmpty()) {
      c.set(area, false, "WaitingForStatefulSet", "waiting for " + String.join(", ", waitingStatefulSets) + " to become ready");
      return;
    }
    if (area.equals("SecretsReady") && !waitingSecrets.isEmpty()) {
      c.set(area, false, "WaitingForExternalSecret", "waiting for External Secrets Operator to write "
          + String.join(", ", waitingSecrets) + "; consumers are pointed at them once they exist");
      return;
    }
    if (area.equals("NetworkReady")) {
      CheckResult refused = report.findings().stream().filter(r -> r.check().id().equals("promotion.policy-refused"))
          .findFirst().orElse(null);
      if (refused != null) {
        // The engine could not prove a policy set safe and wrote none: say so rather than "not applied".
        c.set(area, false, "PolicyRefused", redactor.mask(refused.message()));
        return;
      }
    }
    List<CheckResult> fixable = failing.stream().filter(CheckResult::fixable).toList();
    if (!fixable.isEmpty()) {
      c.set(area, false, "NotApplied", redactor.mask(fixable.size() + " fixable finding(s) remain: " + summary(fixable)));
    } else {
      c.set(area, true, "Promoted", failing.isEmpty() ? "nothing left to do"
          : failing.size() + " finding(s) need a person: " + summary(failing));
    }
  }

  private static String summary(List<CheckResult> results) {
    return String.join(", ", results.stream().limit(3).map(r -> r.check().id() + " " + r.object().shortName()).toList())
        + (results.size() > 3 ? ", ..." : "");
  }

  private static List<WorkloadStatus> workloads(Inventory inventory, Result result, Report report) {
    Map<String, String> promoted = new java.util.HashMap<>();
    for (HasMetadata d : result.replaced()) {
      dev.envprofile.engine.PromotedTo to = dev.envprofile.engine.PromotedTo.of(d);
      if (to != null) {
        promoted.put(d.getMetadata().getName(), to.value());
      }
    }
    return inventory.workloads().stream().map(w -> {
      WorkloadStatus s = new WorkloadStatus();
      s.kind = w.kind();
      s.name = w.name();
      s.promotedTo = w.kind().equals("Deployment") ? promoted.get(w.name()) : null;
      ObjectRef ref = inventory.refOf(w);
      ObjectRef after = s.promotedTo == null ? ref
          : new ObjectRef("StatefulSet", ref.namespace(), s.promotedTo.substring(s.promotedTo.indexOf('/') + 1));
      s.parity = report.objectParity().getOrDefault(after, report.objectParity().get(ref));
      s.failing = report.results().stream().filter(r -> r.open() && r.check().counted()
              && (r.object().equals(after) || r.object().equals(ref)))
          .map(r -> r.check().id()).distinct().toList();
      return s;
    }).toList();
  }

  private static FindingStatus finding(CheckResult r) {
    FindingStatus f = new FindingStatus();
    f.check = r.check().id();
    f.severity = r.check().severity().wireName();
    f.object = r.object().shortName();
    f.message = r.message();
    f.acceptanceExpired = r.acceptanceExpired() ? r.acceptance().expires().toString() : null;
    return f;
  }

  private static EnvironmentProfileStatus.AcceptedStatus accepted(CheckResult r) {
    EnvironmentProfileStatus.AcceptedStatus a = new EnvironmentProfileStatus.AcceptedStatus();
    a.check = r.check().id();
    a.severity = r.check().severity().wireName();
    a.object = r.object().shortName();
    a.message = r.message();
    a.source = r.acceptance().source();
    a.reason = r.acceptance().reason();
    a.expires = r.acceptance().expires() == null ? null : r.acceptance().expires().toString();
    return a;
  }

  /** "check Kind/name (expired DATE)", capped: the reconciler announces the ones a status did not list yet. */
  static List<String> expiredAcceptances(List<CheckResult> expired) {
    return expired.stream().limit(MAX_FINDINGS).map(r -> r.check().id() + " " + r.object().shortName()
        + " (expired " + r.acceptance().expires() + ")").toList();
  }

  private static long generation(EnvironmentProfile p) {
    return p.getMetadata().getGeneration() == null ? 0 : p.getMetadata().getGeneration();
  }

  private static List<String> strings(List<?> items) {
    return items.stream().map(Object::toString).toList();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }

}
