package dev.envprofile.cli.output;

import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JUnit XML for CI test views: a test suite per check id, a test case per object. */
public final class JunitReport {
  private JunitReport() {}

  public static String render(Report report, Origins origins) {
    Map<String, List<CheckResult>> byCheck = new LinkedHashMap<>();
    for (CheckResult r : report.results()) {
      byCheck.computeIfAbsent(r.check().id(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"envprofile audit\" tests=\"").append(report.results().size())
        .append("\" failures=\"").append(report.results().stream().filter(CheckResult::open).count()).append('"')
        .append(skipped(report.results())).append(">\n");
    byCheck.forEach((id, results) -> {
      long failures = results.stream().filter(CheckResult::open).count();
      sb.append("  <testsuite name=\"").append(esc(id)).append("\" tests=\"").append(results.size())
          .append("\" failures=\"").append(failures).append('"').append(skipped(results)).append(">\n");
      for (CheckResult r : results) {
        testcase(sb, id, r, origins);
      }
      sb.append("  </testsuite>\n");
    });
    return sb.append("</testsuites>\n").toString();
  }

  /**
   * A run over several namespaces: a test suite per namespace (by name), a test case per (check,
   * object) with the check id as class name; a namespace not audited is one skipped test case that
   * says why.
   */
  public static String render(List<NamespaceReport> sections, Origins origins) {
    long tests = 0;
    long failures = 0;
    for (NamespaceReport s : sections) {
      tests += s.audited() ? s.report().results().size() : 1;
      failures += s.audited() ? s.report().results().stream().filter(CheckResult::open).count() : 0;
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"envprofile audit\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures).append("\">\n");
    for (NamespaceReport s : sections) {
      if (!s.audited()) {
        sb.append("  <testsuite name=\"").append(esc(s.namespace())).append("\" tests=\"1\" failures=\"0\" skipped=\"1\">\n")
            .append("    <testcase classname=\"namespace\" name=\"").append(esc(s.namespace()))
            .append("\">\n      <skipped message=\"").append(esc("not audited: " + s.notAudited()))
            .append("\"/>\n    </testcase>\n  </testsuite>\n");
        continue;
      }
      List<CheckResult> results = s.report().results();
      sb.append("  <testsuite name=\"").append(esc(s.namespace())).append("\" tests=\"").append(results.size())
          .append("\" failures=\"").append(results.stream().filter(CheckResult::open).count()).append('"')
          .append(skipped(results)).append(">\n");
      for (CheckResult r : results) {
        testcase(sb, r.check().id(), r, origins);
      }
      sb.append("  </testsuite>\n");
    }
    return sb.append("</testsuites>\n").toString();
  }

  private static void testcase(StringBuilder sb, String id, CheckResult r, Origins origins) {
    sb.append("    <testcase classname=\"").append(esc(id)).append("\" name=\"").append(esc(r.object().path()))
        .append("\" file=\"").append(esc(origins.file(r.object()))).append('"');
    if (r.passed()) {
      sb.append("/>\n");
    } else if (r.accepted()) {
      sb.append(">\n      <skipped message=\"").append(esc("accepted (" + r.acceptance().until() + "): "
          + r.acceptance().reason())).append("\"/>\n    </testcase>\n");
    } else {
      String expired = r.acceptanceExpired() ? " (its acceptance expired " + r.acceptance().expires() + ")" : "";
      sb.append(">\n      <failure type=\"").append(r.check().severity().wireName()).append("\" message=\"")
          .append(esc(r.message() + expired)).append("\"/>\n    </testcase>\n");
    }
  }

  /** The skipped attribute, only where some results are accepted (so reports without acceptances keep their bytes). */
  private static String skipped(List<CheckResult> results) {
    long n = results.stream().filter(CheckResult::accepted).count();
    return n == 0 ? "" : " skipped=\"" + n + "\"";
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
