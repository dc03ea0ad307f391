package dev.envprofile.cli.output;

import dev.envprofile.engine.report.Report;
import java.util.List;

/**
 * One namespace of a run over several: its profile (a file, or file:line of an EnvironmentProfile
 * of the input) and its report, or why it was not audited ({@code report} null).
 */
public record NamespaceReport(String namespace, String profile, Report report, String notAudited) {
  public boolean audited() {
    return report != null;
  }

  /**
   * The total over the audited namespaces: parity over all their counted checks, weighted by the
   * checks' weights (the single report's formula), and the lowest namespace, which is what the gate
   * measures.
   */
  public record Total(int namespaces, int audited, int parity, int lowestParity, String lowest, int passed,
                      int failed, int accepted) {}

  public static Total total(List<NamespaceReport> sections) {
    int passed = 0;
    int failed = 0;
    int accepted = 0;
    long passedWeight = 0;
    long failedWeight = 0;
    int audited = 0;
    int lowestParity = 100;
    String lowest = null;
    for (NamespaceReport s : sections) {
      if (!s.audited()) {
        continue;
      }
      audited++;
      passed += s.report().passed();
      failed += s.report().failed();
      accepted += s.report().accepted();
      for (var r : s.report().results()) {
        if (r.check().counted() && !r.accepted()) { // as each namespace's parity: accepted ones are out
          if (r.passed()) {
            passedWeight += r.check().weight();
          } else {
            failedWeight += r.check().weight();
          }
        }
      }
      if (lowest == null || s.report().parity() < lowestParity) {
        lowestParity = s.report().parity();
        lowest = s.namespace();
      }
    }
    long total = passedWeight + failedWeight;
    int parity = total == 0 ? 100 : (int) ((passedWeight * 100L) / total);
    return new Total(sections.size(), audited, parity, lowestParity, lowest, passed, failed, accepted);
  }
}
