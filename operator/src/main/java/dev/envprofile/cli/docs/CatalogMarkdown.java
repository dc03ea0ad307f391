package dev.envprofile.cli.docs;

import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;

/** docs/checks.md, generated from the catalog so that the docs cannot drift from the code. */
public final class CatalogMarkdown {
  private CatalogMarkdown() {}

  /** The catalog, each check with its example from {@code root}'s {@link CheckExample#DIR}. */
  public static String render(java.nio.file.Path root) {
    java.util.Map<String, java.nio.file.Path> examples = CheckExample.directories(root);
    StringBuilder sb = new StringBuilder();
    sb.append("# Check catalog\n\n")
        .append("<!-- Generated from the engine's catalog by `make docs`; do not edit by hand. -->\n\n")
        .append("Every check has a stable id (public interface: ids are added, never renamed), a severity and\n")
        .append("whether `Enforce` fixes it. Checks measure the distance from **production** whatever the\n")
        .append("profile's tier; `info` checks are reported but do not count in parity, and a few hygiene checks\n")
        .append("count at a quarter of the usual weight (see [parity.md](parity.md)). Each check says what production needs and what\n")
        .append("staging tolerates; `local` tolerates everything and rewrites nothing.\n\n")
        .append("| id | severity | fixed by Enforce | fails when |\n|---|---|---|---|\n");
    for (CheckInfo c : Catalog.infos()) {
      sb.append("| [`").append(c.id()).append("`](#").append(anchor(c.id())).append(") | ")
          .append(c.severity().wireName()).append(" | ").append(fix(c.fix())).append(" | ")
          .append(c.failsWhen().replace("|", "\\|")).append(" |\n");
    }
    peers(sb);
    accepting(sb);
    for (CheckInfo c : Catalog.infos()) {
      sb.append("\n## ").append(c.id()).append("\n\n")
          .append("- **Severity:** ").append(c.severity().wireName())
          .append(!c.counted() ? " (reported, not counted in parity)"
              : c.weight() == CheckInfo.LOW ? " (counted at a quarter of the usual weight in parity)" : "").append('\n')
          .append("- **Fails when:** ").append(c.failsWhen()).append('\n')
          .append("- **Enforce:** ").append(c.enforce()).append('\n')
          .append("- **Example:** `").append(c.example()).append("`\n")
          .append("- **Accepting:** ").append(java.util.Objects.requireNonNull(AcceptAdvice.of(c.id()),
              "no advice on accepting " + c.id() + " in AcceptAdvice")).append('\n');
      java.nio.file.Path dir = examples.get(c.id());
      if (dir != null) {
        sb.append(ExampleMarkdown.render(CheckExample.load(dir)));
      }
    }
    return sb.toString();
  }

  /** How to accept a finding, once; each check then says when it is reasonable. */
  private static void accepting(StringBuilder sb) {
    sb.append("\n## Accepting a finding\n\n")
        .append("A finding the team decides to live with can be accepted: it leaves parity's denominator and stays listed ")
        .append("(`status.accepted`, the table's Accepted section, JSON `acceptance`, SARIF `suppressions`, JUnit `skipped`; ")
        .append("see [parity.md](parity.md#accepted-findings)). Accepting changes the report, not what `Enforce` rewrites. Per object:\n\n")
        .append("```yaml\nmetadata:\n  annotations:\n    envprofile.dev/accept: \"security.host-ids,workload.priority-class\"\n")
        .append("    envprofile.dev/accept-reason: \"vendor image runs as uid 999; rebuild tracked in OPS-123\"\n```\n\n")
        .append("(on a workload or its pod template). Per profile, with an expiry:\n\n")
        .append("```yaml\nspec:\n  acceptedFindings:\n  - check: storage.replication\n    objects: [StatefulSet/postgres]\n")
        .append("    reason: \"single primary until the operator-managed cluster lands (DB-42)\"\n    expires: \"2026-06-30\"\n```\n\n")
        .append("Each check below says when accepting it is reasonable, and when never to (fix it instead).\n");
  }

  /** The table a team moving from kube-score or Polaris reads, and the peer checks we leave out. */
  private static void peers(StringBuilder sb) {
    sb.append("\n## kube-score and Polaris\n\n")
        .append("Which checks of kube-score and Polaris each id replaces (their ids as their own docs list them). ")
        .append("A peer check in no row is listed after the table with the reason it is not part of production shape.\n\n")
        .append("| id | kube-score | Polaris |\n|---|---|---|\n");
    for (CheckInfo c : Catalog.infos()) {
      PeerChecks.Row row = PeerChecks.of(c.id());
      sb.append("| `").append(c.id()).append("` | ").append(ids(row == null ? java.util.List.of() : row.kubeScore()))
          .append(" | ").append(ids(row == null ? java.util.List.of() : row.polaris())).append(" |\n");
    }
    sb.append("\nPeer checks that no id replaces, and why:\n\n| tool | check | why not |\n|---|---|---|\n");
    for (PeerChecks.Unmapped u : PeerChecks.unmapped()) {
      sb.append("| ").append(u.tool()).append(" | `").append(u.id()).append("` | ").append(u.why().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  private static String ids(java.util.List<String> ids) {
    if (ids.isEmpty()) {
      return "—";
    }
    StringBuilder sb = new StringBuilder();
    for (String id : ids) {
      sb.append(sb.length() == 0 ? "" : ", ").append('`').append(id).append('`');
    }
    return sb.toString();
  }

  private static String fix(Fix f) {
    return switch (f) {
      case YES -> "yes";
      case PARTIAL -> "where safe or possible";
      case PROFILE -> "through the profile";
      case NO -> "no";
    };
  }

  private static String anchor(String id) {
    return id.replace(".", "");
  }
}
