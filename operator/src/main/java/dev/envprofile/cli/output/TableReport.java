package dev.envprofile.cli.output;

import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for people: the summary line, then the findings, most severe first. */
public final class TableReport {
  private TableReport() {}

  public static String render(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append(summary(report)).append('\n');
    List<CheckResult> findings = report.findings();
    if (findings.isEmpty()) {
      return sb.append("\nNo findings.\n").toString();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SEVERITY", "CHECK", "OBJECT", "FIX", "MESSAGE"});
    for (CheckResult r : findings) {
      rows.add(new String[] {r.check().severity().wireName(), r.check().id(), r.object().shortName(),
          r.fixable() ? "yes" : "no", r.message()});
    }
    int[] width = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    sb.append('\n');
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        sb.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
      }
      sb.append(row[4]).append('\n');
    }
    return sb.toString();
  }

  public static String summary(Report report) {
    return "tier " + report.tier().wireName() + "  parity " + report.parity() + "%  target " + report.parityTarget()
        + "%  checks passed " + report.passed() + ", failed " + report.failed()
        + (report.targetMet() ? "  (target met)" : "  (below target)");
  }
}
