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
        .append("profile's tier; `info` checks are reported but do not count in parity (see [parity.md](parity.md)).\n\n")
        .append("| id | severity | fixed by Enforce | fails when |\n|---|---|---|---|\n");
    for (CheckInfo c : Catalog.infos()) {
      sb.append("| [`").append(c.id()).append("`](#").append(anchor(c.id())).append(") | ")
          .append(c.severity().wireName()).append(" | ").append(fix(c.fix())).append(" | ")
          .append(c.failsWhen().replace("|", "\\|")).append(" |\n");
    }
    for (CheckInfo c : Catalog.infos()) {
      sb.append("\n## ").append(c.id()).append("\n\n")
          .append("- **Severity:** ").append(c.severity().wireName())
          .append(c.counted() ? "" : " (reported, not counted in parity)").append('\n')
          .append("- **Fails when:** ").append(c.failsWhen()).append('\n')
          .append("- **Enforce:** ").append(c.enforce()).append('\n')
          .append("- **Example:** `").append(c.example()).append("`\n");
      java.nio.file.Path dir = examples.get(c.id());
      if (dir != null) {
        sb.append(ExampleMarkdown.render(CheckExample.load(dir)));
      }
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
