package dev.envprofile.cli.output;

import java.util.List;

/**
 * The table of a run over several namespaces: per namespace (by name) a heading and the single
 * table, or why it was not audited; then the total. Each section is {@link TableReport}'s own.
 */
public final class NamespacesTable {
  private NamespacesTable() {}

  /** Each audited section is {@code table}'s rendering of it, as the single run on that namespace prints it. */
  public static String render(List<NamespaceReport> sections, TableReport table, Origins origins,
                              java.util.function.Function<String, List<Assumption>> assumptions) {
    StringBuilder sb = new StringBuilder();
    for (NamespaceReport s : sections) {
      sb.append("== namespace ").append(s.namespace());
      if (s.profile() != null) {
        sb.append("  (profile ").append(s.profile()).append(')');
      }
      sb.append('\n');
      if (s.audited()) {
        sb.append(table.render(s.report(), origins, assumptions.apply(s.namespace())));
      } else {
        sb.append("not audited: ").append(s.notAudited()).append('\n');
      }
      sb.append('\n');
    }
    return sb.append(total(sections)).append('\n').toString();
  }

  /** "== total  3 namespaces, 2 audited, 1 not audited  parity 71%  lowest 53% (team-b)  checks passed P, failed F". */
  public static String total(List<NamespaceReport> sections) {
    NamespaceReport.Total t = NamespaceReport.total(sections);
    return "== total  " + t.namespaces() + " namespaces, " + t.audited() + " audited, "
        + (t.namespaces() - t.audited()) + " not audited  parity " + t.parity() + "%  lowest " + t.lowestParity()
        + "% (" + t.lowest() + ")  checks passed " + t.passed() + ", failed " + t.failed()
        + (t.accepted() > 0 ? ", accepted " + t.accepted() : "");
  }
}
