package dev.envprofile.it.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a {@link ScaleRun} measured, as a table for people and JSON for docs/performance.md. */
public record ScaleResult(ScaleRun.Plan plan, int workloads, int objects, int watched, Duration startToFirstReconcile,
    Duration startToAllPromoted, Duration firstReconcileToAllPromoted, long promotionRequests,
    long promotionWrites, Duration restartToFirstReconcile, int resyncedNamespaces, long resyncRequests,
    long resyncWrites, long heapAfterGcBytes, List<String> notPromoted, Duration promotionCpu,
    Duration restartCpu, Map<String, Duration> controlPlaneCpu, Duration startToFirstPass) {

  public String table() {
    return String.join("\n",
        "operator at scale: %d namespaces, %d workloads, %d objects applied, %d watched objects, %d unrelated Secrets"
            .formatted(plan.namespaces(), workloads, objects, watched, plan.unrelatedSecrets()),
        row("start-up to first reconcile (cold, profiles pending)", ms(startToFirstReconcile)),
        row("start-up to first reconcile (restart, all Promoted)", ms(restartToFirstReconcile)),
        row("start to every namespace's first pass written", ms(startToFirstPass)),
        row("start to all profiles Promoted", ms(startToAllPromoted)),
        row("first reconcile to all profiles Promoted", ms(firstReconcileToAllPromoted)),
        row("API requests of the promotion (reads and writes)", Long.toString(promotionRequests)),
        row("API writes of the promotion", Long.toString(promotionWrites)),
        row("namespaces reconciled again after the restart", Integer.toString(resyncedNamespaces)),
        row("API requests of that no-op resync", Long.toString(resyncRequests)),
        row("API writes of that no-op resync", Long.toString(resyncWrites)),
        row("operator CPU time until all Promoted", ms(promotionCpu)),
        row("operator CPU time from restart to the resync's end", ms(restartCpu)),
        row("control plane CPU time until all Promoted", controlPlaneCpu.entrySet().stream()
            .map(e -> e.getKey() + " " + ms(e.getValue())).collect(java.util.stream.Collectors.joining(", "))),
        row("heap after a full GC", "%.1f MiB".formatted(heapAfterGcBytes / 1048576.0)),
        row("profiles not Promoted", notPromoted.isEmpty() ? "none" : notPromoted.toString()));
  }

  public String json() {
    return """
        {"namespaces": %d, "workloads": %d, "objects": %d, "watched": %d, "unrelatedSecrets": %d,
         "startToFirstReconcileMs": %d, "restartToFirstReconcileMs": %d, "startToAllPromotedMs": %d,
         "firstReconcileToAllPromotedMs": %d, "promotionRequests": %d, "promotionWrites": %d,
         "resyncedNamespaces": %d, "resyncRequests": %d, "resyncWrites": %d, "heapAfterGcBytes": %d, "notPromoted": %d,
         "promotionCpuMs": %d, "restartCpuMs": %d, "startToFirstPassMs": %d%s}
        """.formatted(plan.namespaces(), workloads, objects, watched, plan.unrelatedSecrets(),
        millis(startToFirstReconcile), millis(restartToFirstReconcile), millis(startToAllPromoted),
        millis(firstReconcileToAllPromoted), promotionRequests, promotionWrites, resyncedNamespaces, resyncRequests,
        resyncWrites, heapAfterGcBytes, notPromoted.size(), millis(promotionCpu), millis(restartCpu),
        millis(startToFirstPass),
        controlPlaneCpu.entrySet().stream().map(e -> "\"cpuMs_" + e.getKey().replace('-', '_') + "\": " + millis(e.getValue()))
            .map(x -> ", " + x).collect(java.util.stream.Collectors.joining()));
  }

  private static String row(String what, String value) {
    return "  %-56s %s".formatted(what, value);
  }

  private static long millis(Duration d) {
    return d == null ? -1 : d.toMillis();
  }

  private static String ms(Duration d) {
    return d == null ? "never" : "%,d ms".formatted(d.toMillis());
  }
}
