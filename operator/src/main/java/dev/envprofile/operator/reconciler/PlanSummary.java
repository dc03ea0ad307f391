package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfileStatus.PlanStatus;
import dev.envprofile.api.EnvironmentProfileStatus.PlannedChange;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.WritePhase;
import dev.envprofile.engine.plan.Step;
import dev.envprofile.engine.plan.WritePlan;
import dev.envprofile.engine.report.Report;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The status's account of what Enforce would do in Audit mode: the write plan counted per area and
 * listed (capped), each object with the fixable checks that fail on it. The revert log's record is
 * bookkeeping, not a change of the namespace, and is not counted.
 */
final class PlanSummary {
  static final int MAX_OBJECTS = 50;

  private PlanSummary() {}

  static PlanStatus of(WritePlan plan, Report audit, Map<String, Predicate<String>> areas, List<String> areaOrder) {
    PlanStatus s = new PlanStatus();
    areaOrder.forEach(a -> s.byArea.put(a, 0));
    for (Step step : plan.steps()) {
      if (step.ref() == null) {
        continue;
      }
      // Every fixable failure, accepted ones too: an acceptance changes the report, not what Enforce does.
      List<String> checks = audit.results().stream()
          .filter(r -> !r.passed() && r.fixable() && r.object().shortName().equals(step.ref().shortName()))
          .map(r -> r.check().id()).distinct().toList();
      s.changes++;
      s.byArea.merge(area(step, checks, areas, areaOrder), 1, Integer::sum);
      if (s.objects.size() < MAX_OBJECTS) {
        PlannedChange c = new PlannedChange();
        c.object = step.ref().shortName();
        c.action = step instanceof Step.Delete ? "delete" : step instanceof Step.Patch ? "patch" : "apply";
        c.phase = step.phase().label();
        c.checks = checks.isEmpty() ? null : checks;
        s.objects.add(c);
      }
    }
    s.omitted = s.changes > s.objects.size() ? s.changes - s.objects.size() : null;
    s.waits = plan.waits().isEmpty() ? null : plan.waits().stream().map(Object::toString).toList();
    return s;
  }

  /** The area a write serves: by what it writes, or for a user object by the checks it fixes. */
  private static String area(Step step, List<String> checks, Map<String, Predicate<String>> areas,
                             List<String> areaOrder) {
    ObjectRef ref = step.ref();
    WritePhase phase = step.phase();
    if (phase == WritePhase.CREDENTIALS || phase == WritePhase.SCRUB) {
      return "SecretsReady";
    }
    if (phase == WritePhase.GENERATED || phase == WritePhase.CUTOVER) {
      return "StorageReady";
    }
    if (ref.kind().equals("NetworkPolicy")) {
      return "NetworkReady";
    }
    if (ref.kind().equals("Ingress")) {
      return "TLSReady";
    }
    for (String area : areaOrder) {
      if (checks.stream().anyMatch(areas.get(area))) {
        return area;
      }
    }
    return "WorkloadsReady";
  }
}
