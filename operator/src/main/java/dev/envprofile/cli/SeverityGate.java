package dev.envprofile.cli;

import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Severity;
import dev.envprofile.engine.report.Report;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit --fail-on SEVERITY}: the run fails when any failing check has that severity or a
 * worse one (critical is worse than warning, warning than info). Says which, counted by severity.
 */
final class SeverityGate {
  private final Severity threshold;

  SeverityGate(Severity threshold) {
    this.threshold = threshold;
  }

  /** "1 critical, 2 warning": the failing checks at the threshold or worse, or null when there are none. */
  String failures(Report report) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (CheckResult r : report.results()) {
      Severity s = r.check().severity();
      if (r.open() && s.ordinal() <= threshold.ordinal()) { // an accepted failure does not gate
        counts.merge(s, 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((s, n) -> parts.add(n + " " + s.wireName()));
    return String.join(", ", parts);
  }

  /** The one stderr line of a single run that fails the gate. */
  String line(String failures) {
    return "failing checks at --fail-on " + threshold.wireName() + worse() + ": " + failures;
  }

  /** The one stderr line of a run over several namespaces: each failing namespace and its counts. */
  String line(List<String> namespaces, int of) {
    return "failing checks at --fail-on " + threshold.wireName() + worse() + " in " + namespaces.size() + " of " + of
        + " namespaces: " + InputScope.list(namespaces);
  }

  private String worse() {
    return threshold == Severity.CRITICAL ? "" : " or worse";
  }
}
