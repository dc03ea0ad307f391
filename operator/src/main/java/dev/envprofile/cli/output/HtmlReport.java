package dev.envprofile.cli.output;

import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.report.Areas;
import dev.envprofile.engine.report.Report;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code audit -o html}: one self-contained page (no network: CSS and script inline, pictures as
 * inline SVG) with parity per area, the findings grouped by workload or by check, each with its
 * severity, whether Enforce fixes it, the catalog's fix text and file:line, and filters. Every
 * string that comes from the input (names, messages, file names) is HTML-escaped, and the page's
 * Content-Security-Policy lets only its own script and style run, by hash: markup that slipped
 * through could not run script either.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** A single run: one section without a namespace heading. */
  public static String render(Report report, Origins origins, List<Assumption> assumptions, String version) {
    StringBuilder body = new StringBuilder();
    section(body, null, null, report, null, origins, assumptions);
    return page(body, checkIds(List.of(report)), version);
  }

  /** A run over several namespaces: the total first, then a section per namespace (by name). */
  public static String render(List<NamespaceReport> sections, Origins origins,
                              Function<String, List<Assumption>> assumptions, String version) {
    StringBuilder body = new StringBuilder();
    total(body, sections);
    List<Report> reports = new ArrayList<>();
    for (NamespaceReport s : sections) {
      section(body, s.namespace(), s.profile(), s.report(), s.notAudited(), origins,
          s.audited() ? assumptions.apply(s.namespace()) : List.of());
      if (s.audited()) {
        reports.add(s.report());
      }
    }
    return page(body, checkIds(reports), version);
  }

  private static String page(StringBuilder body, List<String> checkIds, String version) {
    String style = Assets.STYLE;
    String script = Assets.SCRIPT;
    StringBuilder sb = new StringBuilder(body.length() + 8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
        .append(sha256(style)).append("'; script-src '").append(sha256(script)).append("'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>envprofile audit</title>\n<style>").append(style).append("</style>\n</head>\n<body>\n")
        .append("<header><h1>envprofile audit</h1><p class=\"meta\">").append(esc(version)).append("</p></header>\n");
    sb.append("<form id=\"filters\" class=\"filters\" role=\"search\">\n")
        .append("<label>Severity <select id=\"f-severity\"><option value=\"\">all</option>")
        .append("<option>critical</option><option>warning</option><option>info</option></select></label>\n")
        .append("<label>Check <select id=\"f-check\"><option value=\"\">all</option>");
    for (String id : checkIds) {
      sb.append("<option>").append(esc(id)).append("</option>");
    }
    sb.append("</select></label>\n<label>Search <input id=\"f-text\" type=\"search\" placeholder=\"object, check, message, file\"></label>\n")
        .append("<label>Group by <select id=\"f-group\"><option value=\"workload\">workload</option>")
        .append("<option value=\"check\">check</option></select></label>\n")
        .append("<output id=\"f-count\"></output>\n</form>\n");
    sb.append(body);
    return sb.append("<script>").append(script).append("</script>\n</body>\n</html>\n").toString();
  }

  private static void total(StringBuilder sb, List<NamespaceReport> sections) {
    NamespaceReport.Total t = NamespaceReport.total(sections);
    sb.append("<section class=\"total\" id=\"total\">\n<h2>Total</h2>\n<div class=\"pictures\">")
        .append(Svg.donut(t.parity(), null, "total parity"))
        .append("</div>\n<p class=\"summary\">").append(t.namespaces()).append(" namespaces, ").append(t.audited())
        .append(" audited, ").append(t.namespaces() - t.audited()).append(" not audited · parity <b>").append(t.parity())
        .append("%</b>");
    if (t.lowest() != null) {
      sb.append(" · lowest ").append(t.lowestParity()).append("% (").append(esc(t.lowest())).append(')');
    }
    sb.append(" · checks passed ").append(t.passed()).append(", failed ").append(t.failed()).append("</p>\n</section>\n");
  }

  private static void section(StringBuilder sb, String namespace, String profile, Report report, String notAudited,
                              Origins origins, List<Assumption> assumptions) {
    sb.append("<section class=\"namespace\"");
    if (namespace != null) {
      sb.append(" data-namespace=\"").append(esc(namespace)).append('"');
    }
    sb.append(">\n");
    if (namespace != null) {
      sb.append("<h2>namespace ").append(esc(namespace));
      if (profile != null) {
        sb.append(" <small>profile ").append(esc(profile)).append("</small>");
      }
      sb.append("</h2>\n");
    }
    if (report == null) {
      sb.append("<p class=\"not-audited\">not audited: ").append(esc(notAudited)).append("</p>\n</section>\n");
      return;
    }
    sb.append("<p class=\"summary\">tier ").append(esc(report.tier().wireName())).append(" · parity <b>")
        .append(report.parity()).append("%</b> · target ").append(report.parityTarget()).append("% · passed ")
        .append(report.passed()).append(" · failed ").append(report.failed()).append(" · <span class=\"")
        .append(report.targetMet() ? "met\">target met" : "below\">below target").append("</span></p>\n");
    for (Assumption a : assumptions) {
      sb.append("<p class=\"note\">note: ").append(esc(a.message())).append("</p>\n");
    }
    sb.append("<div class=\"pictures\">").append(Svg.donut(report.parity(), report.parityTarget(), "parity"))
        .append(Svg.bars(Areas.scores(report), report.parityTarget())).append("</div>\n");
    List<CheckResult> findings = report.findings();
    if (findings.isEmpty()) {
      sb.append("<p class=\"none\">No findings.</p>\n");
    } else {
      byWorkload(sb, report, findings, origins);
      byCheck(sb, findings, origins);
    }
    accepted(sb, report.acceptedFindings(), origins);
    sb.append("</section>\n");
  }

  private static void byWorkload(StringBuilder sb, Report report, List<CheckResult> findings, Origins origins) {
    Map<ObjectRef, List<CheckResult>> groups = new TreeMap<>();
    findings.forEach(r -> groups.computeIfAbsent(r.object(), k -> new ArrayList<>()).add(r));
    sb.append("<div class=\"by-workload\">\n");
    groups.forEach((ref, rs) -> {
      Integer parity = report.objectParity().get(ref);
      sb.append("<details open class=\"group\" data-object=\"").append(esc(ref.path())).append("\"><summary><b>")
          .append(esc(ref.shortName())).append("</b> <span class=\"count\">").append(rs.size())
          .append(rs.size() == 1 ? " finding" : " findings").append("</span>");
      if (parity != null) {
        sb.append(" <span class=\"oparity\">parity ").append(parity).append("%</span>");
      }
      sb.append(" <code class=\"where\">").append(esc(where(ref, origins))).append("</code></summary>\n");
      findings(sb, rs, origins, false);
    });
    sb.append("</div>\n");
  }

  private static void byCheck(StringBuilder sb, List<CheckResult> findings, Origins origins) {
    Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
    findings.forEach(r -> groups.computeIfAbsent(r.check().id(), k -> new ArrayList<>()).add(r));
    sb.append("<div class=\"by-check\" hidden>\n");
    groups.forEach((id, rs) -> {
      CheckInfo info = rs.get(0).check();
      sb.append("<details open class=\"group\" data-check=\"").append(esc(id)).append("\"><summary>")
          .append(severity(info)).append(" <b>").append(esc(id)).append("</b> <span class=\"area\">")
          .append(esc(Areas.of(id))).append("</span> <span class=\"count\">").append(rs.size())
          .append(rs.size() == 1 ? " object" : " objects").append("</span></summary>\n<p class=\"fix\">")
          .append(esc(info.enforce())).append("</p>\n");
      findings(sb, rs, origins, true);
    });
    sb.append("</div>\n");
  }

  /** A group's findings and the end of its details; grouped by check, the second column names the object. */
  private static void findings(StringBuilder sb, List<CheckResult> rs, Origins origins, boolean byCheck) {
    sb.append("<table><thead><tr><th>severity</th><th>").append(byCheck ? "object" : "check")
        .append("</th><th>Enforce fixes</th><th>finding</th></tr></thead><tbody>\n");
    for (CheckResult r : rs) {
      row(sb, r, origins, byCheck);
    }
    sb.append("</tbody></table></details>\n");
  }

  /** Accepted findings: out of parity, still shown, each with who accepted it, why and until when. */
  private static void accepted(StringBuilder sb, List<CheckResult> accepted, Origins origins) {
    if (accepted.isEmpty()) {
      return;
    }
    sb.append("<h3 class=\"accepted\">Accepted (").append(accepted.size()).append(", out of parity)</h3>\n")
        .append("<table class=\"accepted\"><tr><th>severity</th><th>check</th><th>object</th><th>accepted</th></tr>\n");
    for (CheckResult r : accepted) {
      var a = r.acceptance();
      sb.append("<tr class=\"accepted-finding\"><td>").append(severity(r.check())).append("</td><td>")
          .append(esc(r.check().id())).append("</td><td><code class=\"where\">").append(esc(where(r.object(), origins)))
          .append("</code> ").append(esc(r.object().shortName())).append("</td><td>").append(esc(a.source()))
          .append(a.expires() == null ? "" : ", until " + esc(a.expires().toString())).append(": ")
          .append(esc(a.reason())).append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  /** One finding: the cells the filters read carry data attributes; the fix text is folded. */
  private static void row(StringBuilder sb, CheckResult r, Origins origins, boolean byCheck) {
    CheckInfo info = r.check();
    String where = where(r.object(), origins);
    String message = Messages.withoutSubject(r);
    // What the text filter searches, the same in both groupings (a row by workload shows neither
    // the object nor its file: its group's heading does).
    String search = r.object().path() + " " + info.id() + " " + where + " " + message;
    sb.append("<tr class=\"finding\" data-severity=\"").append(info.severity().wireName()).append("\" data-check=\"")
        .append(esc(info.id())).append("\" data-fixable=\"").append(r.fixable()).append("\" data-search=\"")
        .append(esc(search.toLowerCase(java.util.Locale.ROOT))).append("\"><td>").append(severity(info))
        .append("</td><td>").append(esc(byCheck ? r.object().shortName() : info.id())).append("</td><td class=\"")
        .append(r.fixable() ? "yes\">yes" : "no\">no").append("</td><td>");
    if (byCheck) {
      sb.append("<code class=\"where\">").append(esc(where)).append("</code> ");
    }
    sb.append(esc(message));
    if (!byCheck) {
      sb.append("<details class=\"fix\"><summary>fix</summary>").append(esc(info.enforce())).append("</details>");
    }
    sb.append("</td></tr>\n");
  }

  private static String severity(CheckInfo info) {
    String s = info.severity().wireName();
    return "<span class=\"sev sev-" + s + "\">" + s + "</span>";
  }

  private static String where(ObjectRef ref, Origins origins) {
    return origins == null ? "" : origins.file(ref) + ":" + origins.line(ref);
  }

  private static List<String> checkIds(List<Report> reports) {
    TreeSet<String> ids = new TreeSet<>();
    reports.forEach(r -> r.findings().forEach(f -> ids.add(f.check().id())));
    return List.copyOf(ids);
  }

  /**
   * Text for an element or a quoted attribute: the five markup characters become references, and
   * control characters (which HTML does not allow) become U+FFFD.
   */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '\ufffd' : c);
      }
    }
    return out.toString();
  }

  static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The pictures: numbers only (and our own area names), drawn with SVG attributes, no style attribute. */
  static final class Svg {
    private static final double RADIUS = 40;
    private static final double CIRCUMFERENCE = 2 * Math.PI * RADIUS;

    private Svg() {}

    static String donut(int parity, Integer target, String label) {
      String dash = String.format(java.util.Locale.ROOT, "%.2f %.2f", CIRCUMFERENCE * parity / 100, CIRCUMFERENCE);
      return "<svg class=\"donut\" width=\"120\" height=\"120\" viewBox=\"0 0 120 120\" role=\"img\" aria-label=\""
          + esc(label) + " " + parity + "%\" data-parity=\"" + parity + "\"><title>" + esc(label) + " " + parity
          + "%</title><circle cx=\"60\" cy=\"60\" r=\"40\" fill=\"none\" class=\"track\" stroke-width=\"16\"/>"
          + "<circle cx=\"60\" cy=\"60\" r=\"40\" fill=\"none\" class=\"" + tone(parity, target)
          + "\" stroke-width=\"16\" stroke-dasharray=\"" + dash + "\" transform=\"rotate(-90 60 60)\"/>"
          + "<text x=\"60\" y=\"66\" text-anchor=\"middle\" class=\"big\">" + parity + "%</text></svg>";
    }

    /** A horizontal bar per area: its parity, the target as a tick, and how many of its checks fail. */
    static String bars(List<Areas.Score> scores, int target) {
      int rowHeight = 26;
      StringBuilder sb = new StringBuilder();
      sb.append("<svg class=\"areas\" width=\"460\" height=\"").append(scores.size() * rowHeight + 4)
          .append("\" viewBox=\"0 0 460 ").append(scores.size() * rowHeight + 4)
          .append("\" role=\"img\" aria-label=\"parity per area\"><title>parity per area</title>");
      int y = 2;
      for (Areas.Score s : scores) {
        String value = s.parity() == null ? "no checks" : s.parity() + "%";
        sb.append("<g class=\"area\" data-area=\"").append(esc(s.area())).append("\" data-parity=\"")
            .append(s.parity() == null ? "" : s.parity()).append("\" data-failed=\"").append(s.failed()).append("\">")
            .append("<text x=\"0\" y=\"").append(y + 16).append("\" class=\"label\">").append(esc(s.area())).append("</text>")
            .append("<rect x=\"80\" y=\"").append(y + 3).append("\" width=\"200\" height=\"16\" rx=\"3\" class=\"track\"/>");
        if (s.parity() != null) {
          sb.append("<rect x=\"80\" y=\"").append(y + 3).append("\" width=\"").append(s.parity() * 2)
              .append("\" height=\"16\" rx=\"3\" class=\"").append(tone(s.parity(), target)).append("\"/>");
        }
        sb.append("<line x1=\"").append(80 + target * 2).append("\" x2=\"").append(80 + target * 2).append("\" y1=\"")
            .append(y + 1).append("\" y2=\"").append(y + 21).append("\" class=\"target\"/>")
            .append("<text x=\"290\" y=\"").append(y + 16).append("\">").append(value);
        if (s.failed() > 0) {
          sb.append(" · ").append(s.failed()).append(" failing");
        }
        sb.append("</text></g>");
        y += rowHeight;
      }
      return sb.append("</svg>").toString();
    }

    private static String tone(int parity, Integer target) {
      int goal = target == null ? 95 : target;
      return parity >= goal ? "good" : parity >= goal - 25 ? "fair" : "poor";
    }
  }

  /** The page's own CSS and script; their hashes are the page's Content-Security-Policy. */
  static final class Assets {
    static final String STYLE = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 40px;color:#1d2230}
        header{display:flex;align-items:baseline;gap:16px;border-bottom:2px solid #dfe3ea}
        h1{font-size:22px}h2{font-size:18px;margin:28px 0 6px}small{color:#667;font-weight:normal}
        .meta{color:#667}[hidden]{display:none!important}
        .filters{position:sticky;top:0;background:#f6f8fb;border-bottom:1px solid #dfe3ea;padding:8px;display:flex;flex-wrap:wrap;gap:14px;align-items:center;z-index:1}
        .filters output{margin-left:auto;color:#445}
        .pictures{display:flex;flex-wrap:wrap;gap:24px;align-items:center}
        svg text{font-size:13px;fill:#1d2230}svg text.big{font-size:20px;font-weight:600}
        .track{fill:#e6e9ef;stroke:#e6e9ef}.target{stroke:#1d2230;stroke-width:2}
        rect.good{fill:#2e9e5b}rect.fair{fill:#e0a21b}rect.poor{fill:#d6453d}
        circle.good{stroke:#2e9e5b}circle.fair{stroke:#e0a21b}circle.poor{stroke:#d6453d}
        .summary b{font-size:16px}.met{color:#2e7d4f;font-weight:600}.below{color:#b3261e;font-weight:600}
        .note{color:#556;margin:2px 0}.not-audited{color:#b3261e}
        details.group{border:1px solid #dfe3ea;border-radius:6px;margin:8px 0;padding:4px 8px}
        details.group>summary{cursor:pointer;padding:4px 0}.count,.oparity,.area{color:#556;margin-left:8px}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 6px;border-top:1px solid #eef0f4}
        th{font-weight:600;color:#556}td.yes{color:#2e7d4f;font-weight:600}td.no{color:#556}
        code.where{color:#445;font-size:12px}p.fix,details.fix{color:#445;font-size:13px}
        .sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
        .sev-critical{background:#b3261e}.sev-warning{background:#a86b00}.sev-info{background:#3d6fb6}
        """;

    /** The filters read the URL's hash (#severity=critical&check=...&q=...&group=check) and write it back. */
    static final String SCRIPT = """
        (function () {
          var sev = document.getElementById('f-severity'), chk = document.getElementById('f-check');
          var txt = document.getElementById('f-text'), grp = document.getElementById('f-group');
          var count = document.getElementById('f-count');
          function fromHash() {
            var h = new URLSearchParams(location.hash.slice(1));
            sev.value = h.get('severity') || ''; chk.value = h.get('check') || '';
            txt.value = h.get('q') || ''; grp.value = h.get('group') === 'check' ? 'check' : 'workload';
          }
          function toHash() {
            var h = new URLSearchParams();
            if (sev.value) h.set('severity', sev.value);
            if (chk.value) h.set('check', chk.value);
            if (txt.value) h.set('q', txt.value);
            if (grp.value !== 'workload') h.set('group', grp.value);
            try { history.replaceState(null, '', '#' + h.toString()); } catch (e) { /* a file: URL may refuse */ }
          }
          function apply() {
            var s = sev.value, c = chk.value, q = txt.value.trim().toLowerCase(), g = grp.value;
            document.querySelectorAll('.by-workload').forEach(function (e) { e.hidden = g !== 'workload'; });
            document.querySelectorAll('.by-check').forEach(function (e) { e.hidden = g !== 'check'; });
            document.querySelectorAll('tr.finding').forEach(function (r) {
              r.hidden = !((!s || r.dataset.severity === s) && (!c || r.dataset.check === c)
                && (!q || r.dataset.search.indexOf(q) >= 0));
            });
            document.querySelectorAll('details.group').forEach(function (d) {
              d.hidden = !d.querySelector('tr.finding:not([hidden])');
            });
            var all = document.querySelectorAll('.by-' + g + ' tr.finding').length;
            var shown = document.querySelectorAll('.by-' + g + ' tr.finding:not([hidden])').length;
            count.value = shown + ' of ' + all + ' findings';
            document.body.dataset.shown = shown;
          }
          [sev, chk, grp].forEach(function (e) { e.addEventListener('change', function () { toHash(); apply(); }); });
          txt.addEventListener('input', function () { toHash(); apply(); });
          document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
          window.addEventListener('hashchange', function () { fromHash(); apply(); });
          fromHash(); apply();
        })();
        """;

    private Assets() {}
  }
}
