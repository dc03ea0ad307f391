package dev.envprofile.cli.docs;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.envprofile.api.Tier;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.cli.output.DiffPrinter;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Result;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check's example in docs/checks.md: its failing.yaml, and for a fixable check what Enforce
 * changes in it. A production promotion changes much more than one check's concern (resources,
 * probes, policies), so the changes shown are those of failing.yaml's promotion that the promotion
 * of passing.yaml (the same app, fixed for this check) does not make, line by line: what this
 * check's fix adds.
 */
public final class ExampleMarkdown {
  /** Lines shown of a file or a diff before "…": the docs stay readable. */
  static final int MAX_LINES = 48;

  private static final String NONE = "/dev/null";

  private ExampleMarkdown() {}

  public static String render(CheckExample ex) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nFailing example (`").append(CheckExample.DIR).append('/').append(ex.id()).append("/failing.yaml`")
        .append(ex.profileSpec().isBlank() ? "" : ", with the profile fields of `profile.yaml`").append("):\n\n```yaml\n");
    appendCapped(sb, ex.failing().strip().lines().toList(), "#");
    sb.append("```\n");
    if (ex.expected().fixable()) {
      List<String> diff = enforceChanges(ex);
      if (!diff.isEmpty()) {
        sb.append("\nWhat Enforce changes in it (at production):\n\n```diff\n");
        appendCapped(sb, diff, "#");
        sb.append("```\n");
      }
    }
    return sb.toString();
  }

  /** The diff lines, per object, of the changes failing.yaml's promotion makes and passing.yaml's does not. */
  public static List<String> enforceChanges(CheckExample ex) {
    List<String> out = enforceChanges(ex, false);
    // The fixed app may get the same objects (a NetworkPolicy of its own does not stop the generated
    // ones): then what failing.yaml's promotion generates is what the check's fix is.
    return out.isEmpty() ? enforceChanges(ex, true) : out;
  }

  private static List<String> enforceChanges(CheckExample ex, boolean generatedOnly) {
    Map<String, Hunks> failing = changes(ex.failingObjects(), Engine.promote(ex.failingObjects(), ex.settings(Tier.PRODUCTION)));
    Map<String, Hunks> passing = changes(ex.passingObjects(), Engine.promote(ex.passingObjects(), ex.settings(Tier.PRODUCTION)));
    List<String> out = new ArrayList<>();
    failing.forEach((key, hunks) -> {
      if (generatedOnly && !hunks.from().equals(NONE)) {
        return;
      }
      // The same line added or removed in the fixed app's promotion is not this check's change
      // (resources, probes, pod security next to it in the same hunk).
      List<String> common = new ArrayList<>();
      if (passing.get(key) != null && !generatedOnly) {
        passing.get(key).hunks().forEach(common::addAll);
      }
      List<String> shown = new ArrayList<>();
      for (List<String> hunk : hunks.hunks()) {
        List<String> kept = new ArrayList<>();
        for (String line : hunk) {
          if (line.startsWith(" ") || !common.remove(line)) {
            kept.add(line);
          }
        }
        if (kept.stream().anyMatch(l -> !l.startsWith(" "))) {
          shown.addAll(kept);
        }
      }
      if (!shown.isEmpty()) {
        out.add("--- " + hunks.from());
        out.add("+++ " + hunks.to());
        out.addAll(shown);
      }
    });
    return out;
  }

  /** Changes of one object: where it came from, where it went, each hunk as a context line and -/+ lines. */
  private record Hunks(String from, String to, List<List<String>> hunks) {}

  private static Map<String, Hunks> changes(List<HasMetadata> input, Result result) {
    Map<String, HasMetadata> before = new LinkedHashMap<>();
    input.forEach(o -> before.put(key(o), o));
    Map<String, Hunks> out = new LinkedHashMap<>();
    for (HasMetadata after : result.objects()) {
      String to = key(after);
      HasMetadata from = before.remove(to);
      Map<String, String> a = after.getMetadata().getAnnotations();
      if (from == null && a != null && a.get(Labels.PROMOTED_FROM) != null) {
        from = before.remove(a.get(Labels.PROMOTED_FROM)); // a Deployment that became this StatefulSet
      }
      put(out, from, after, result);
    }
    before.values().forEach(o -> put(out, o, null, result));
    return out;
  }

  private static void put(Map<String, Hunks> out, HasMetadata from, HasMetadata to, Result result) {
    var yaml = ManifestReader.serialization();
    List<String> left = DiffPrinter.lines(from, result.redactor(), yaml);
    List<String> right = DiffPrinter.lines(to, result.redactor(), yaml);
    List<List<String>> hunks = new ArrayList<>();
    for (AbstractDelta<String> d : DiffUtils.diff(left, right).getDeltas()) {
      List<String> h = new ArrayList<>();
      int at = d.getSource().getPosition();
      if (at > 0) {
        h.add(" " + left.get(at - 1)); // one line of context says where the change is
      }
      d.getSource().getLines().forEach(l -> h.add("-" + l));
      d.getTarget().getLines().forEach(l -> h.add("+" + l));
      hunks.add(h);
    }
    if (!hunks.isEmpty()) {
      String fromKey = from == null ? NONE : key(from);
      String toKey = to == null ? NONE : key(to);
      out.put(to == null ? fromKey : toKey, new Hunks(fromKey, toKey, hunks)); // by result: a replaced Deployment meets its StatefulSet
    }
  }

  private static String key(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  private static void appendCapped(StringBuilder sb, List<String> lines, String comment) {
    lines.stream().limit(MAX_LINES).forEach(l -> sb.append(l).append('\n'));
    if (lines.size() > MAX_LINES) {
      sb.append(comment).append(" … ").append(lines.size() - MAX_LINES).append(" more lines\n");
    }
  }
}
