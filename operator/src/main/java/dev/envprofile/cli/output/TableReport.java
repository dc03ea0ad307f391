package dev.envprofile.cli.output;

import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text report for people: the summary line, then the findings, most severe first. Each
 * finding is a line of aligned columns (severity, check, object, whether Enforce fixes it) and
 * below it, indented and wrapped to the width, the object's file and line and the message, so that
 * the report fits a terminal of any width. Colour (ANSI) only when asked: never into a pipe.
 */
public final class TableReport {
  static final String[] HEADER = {"SEVERITY", "CHECK", "OBJECT", "ENFORCE"};
  static final String[] ACCEPTED_HEADER = {"SEVERITY", "CHECK", "OBJECT", "ACCEPTED"};
  private static final String INDENT = "    ";
  /** Messages are never wrapped narrower than this, however narrow the terminal. */
  private static final int MIN_TEXT = 30;

  private final int width;
  private final boolean colour;

  /**
   * @param width the columns to fit; 0 for unlimited (messages stay one line)
   * @param colour whether to write ANSI colour codes
   */
  public TableReport(int width, boolean colour) {
    this.width = width;
    this.colour = colour;
  }

  /** Unlimited width, no colour, no file locations (for tests of what the report holds). */
  public static String render(Report report) {
    return new TableReport(0, false).render(report, null);
  }

  public String render(Report report, Origins origins) {
    return render(report, origins, List.of());
  }

  /** With the environment defaults the report rests on, one line each under the summary. */
  public String render(Report report, Origins origins, List<Assumption> assumptions) {
    StringBuilder sb = new StringBuilder();
    String verdict = verdict(report);
    // The verdict is one word for wrapping (a no-break space), coloured on a terminal.
    for (String line : wrap(summary(report).replace(verdict, verdict.replace(' ', '\u00a0')), width)) {
      line = line.replace('\u00a0', ' ').stripTrailing();
      sb.append(colour ? line.replace(verdict, (report.targetMet() ? Ansi.GREEN : Ansi.RED_BOLD) + verdict + Ansi.RESET) : line)
          .append('\n');
    }
    List<String> notes = new ArrayList<>();
    assumptions.forEach(a -> notes.add(a.message()));
    notes.addAll(report.notes());
    List<CheckResult> expired = report.expired();
    if (!expired.isEmpty()) {
      notes.add(expired.size() + (expired.size() == 1 ? " acceptance has" : " acceptances have")
          + " expired and count" + (expired.size() == 1 ? "s" : "") + " again: " + String.join(", ", expired.stream()
              .limit(3).map(r -> r.check().id() + " " + r.object().shortName() + " (" + r.acceptance().expires() + ")")
              .toList()) + (expired.size() > 3 ? ", ..." : ""));
    }
    for (String n : notes) {
      List<String> lines = wrap("note: " + n, width == 0 ? 0 : Math.max(MIN_TEXT, width - INDENT.length()));
      for (int i = 0; i < lines.size(); i++) {
        sb.append(i == 0 ? "" : INDENT).append(lines.get(i)).append('\n');
      }
    }
    List<CheckResult> findings = report.findings();
    if (findings.isEmpty()) {
      sb.append("\nNo findings.\n");
    } else {
      rows(sb, findings, origins, false);
    }
    List<CheckResult> accepted = report.acceptedFindings();
    if (!accepted.isEmpty()) {
      sb.append("\nAccepted (").append(accepted.size()).append(", out of parity):");
      rows(sb, accepted, origins, true);
    }
    return sb.toString();
  }

  /**
   * Aligned rows of findings, each followed by its location and message; accepted ones say ACCEPTED
   * in the last column and give their reason and expiry, expired ones say so after the message.
   */
  private void rows(StringBuilder sb, List<CheckResult> findings, Origins origins, boolean accepted) {
    List<String[]> rows = new ArrayList<>();
    rows.add(accepted ? ACCEPTED_HEADER : HEADER);
    for (CheckResult r : findings) {
      rows.add(new String[] {r.check().severity().wireName(), r.check().id(), r.object().shortName(),
          accepted ? r.acceptance().until() : r.fixable() ? "yes" : "no"});
    }
    int[] col = new int[HEADER.length];
    int visible = 0;
    for (int i = 0; i < col.length; i++) {
      for (String[] row : rows) {
        col[i] = Math.max(col[i], row[i].length());
      }
      visible += col[i] + 2;
    }
    int text = width == 0 ? 0 : Math.max(MIN_TEXT, width - INDENT.length());
    // Aligned columns when they fit; narrower, each finding starts with a line of its own words.
    boolean columns = width == 0 || visible - 2 <= width;
    sb.append('\n');
    for (int n = columns ? 0 : 1; n < rows.size(); n++) {
      String[] row = rows.get(n);
      if (columns) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < col.length; i++) {
          line.append(n == 0 ? row[i] : paint(i, row[i])).append(" ".repeat(col[i] - row[i].length() + 2));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
      } else {
        List<String> head = wrap(row[0] + " " + row[1] + " " + row[2] + (accepted ? " accepted:" : " enforce:") + row[3], width);
        head.set(0, paint(0, row[0]) + head.get(0).substring(row[0].length()));
        head.forEach(h -> sb.append(h).append('\n'));
      }
      if (n > 0) {
        CheckResult r = findings.get(n - 1);
        // "file:line: message", as compilers write it: terminals and editors open it.
        String where = origins == null ? "" : fit(origins.file(r.object()) + ":" + origins.line(r.object()),
            text == 0 ? Integer.MAX_VALUE : text / 2) + ": ";
        for (String t : wrap(where + Messages.withoutSubject(r), text)) {
          sb.append(INDENT).append(t).append('\n');
        }
        String why = accepted ? "accepted by " + r.acceptance().source() + ": " + r.acceptance().reason()
            : r.acceptanceExpired() ? "its acceptance expired " + r.acceptance().expires() + " (" + r.acceptance().reason()
                + "): counts again" : null;
        if (why != null) {
          for (String t : wrap(why, text)) {
            sb.append(INDENT).append(t).append('\n');
          }
        }
      }
    }
  }

  /** A location that does not fit keeps its end, at least the file's name: "...ifests/api.yaml:14". */
  public static String fit(String location, int room) {
    if (location.length() <= room) {
      return location;
    }
    int start = Math.min(location.length() - Math.max(room - 3, 0), location.lastIndexOf('/'));
    return start <= 0 ? location : "..." + location.substring(start);
  }

  /** Words onto lines of at most {@code width} characters (0: one line); a longer word is split. */
  public static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    if (width <= 0) {
      out.add(text);
      return out;
    }
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (word.length() > width) {
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        out.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }

  private String paint(int column, String cell) {
    if (!colour) {
      return cell;
    }
    return switch (column) {
      case 0 -> switch (cell) {
        case "critical" -> Ansi.RED_BOLD + cell + Ansi.RESET;
        case "warning" -> Ansi.YELLOW + cell + Ansi.RESET;
        default -> Ansi.CYAN + cell + Ansi.RESET;
      };
      case 3 -> cell.equals("yes") ? Ansi.GREEN + cell + Ansi.RESET : cell;
      default -> cell;
    };
  }

  public static String summary(Report report) {
    return "tier " + report.tier().wireName() + "  parity " + report.parity() + "%  target " + report.parityTarget()
        + "%  passed " + report.passed() + "  failed " + report.failed()
        + (report.accepted() > 0 ? "  accepted " + report.accepted() : "") + "  " + verdict(report);
  }

  private static String verdict(Report report) {
    return report.targetMet() ? "(target met)" : "(below target)";
  }

  /** The few SGR codes the table uses. */
  static final class Ansi {
    static final String RED_BOLD = "\u001b[1;31m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    static final String GREEN = "\u001b[32m";
    static final String RESET = "\u001b[0m";

    private Ansi() {}
  }
}
