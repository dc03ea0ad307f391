package dev.envprofile.cli;

import dev.envprofile.cli.output.NamespaceReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The engine once per namespace of a {@link NamespacePlan}, in one JVM. Namespaces are independent
 * (the engine is a pure function of one namespace's objects and its profile), so they run on the
 * common pool; results come back in the plan's order (namespaces by name), whatever finished first.
 */
final class NamespaceRuns {
  private NamespaceRuns() {}

  /** A namespace, and what the engine made of it (null when not audited). */
  record Run(NamespacePlan.Unit unit, Result result) {
    NamespaceReport report() {
      return new NamespaceReport(unit.namespace(), unit.profile(), result == null ? null : result.report(),
          unit.notAudited());
    }
  }

  static List<Run> audit(NamespacePlan plan) {
    return run(plan, Engine::audit);
  }

  static List<Run> promote(NamespacePlan plan) {
    return run(plan, Engine::promote);
  }

  static List<NamespaceReport> reports(List<Run> runs) {
    return runs.stream().map(Run::report).toList();
  }

  private static List<Run> run(NamespacePlan plan, BiFunction<List<io.fabric8.kubernetes.api.model.HasMetadata>,
      dev.envprofile.engine.Settings, Result> engine) {
    // parallel().map().toList() keeps encounter order: the output never depends on scheduling.
    return plan.units.parallelStream()
        .map(u -> new Run(u, u.audited() ? engine.apply(u.objects(), u.settings()) : null))
        .toList();
  }
}
