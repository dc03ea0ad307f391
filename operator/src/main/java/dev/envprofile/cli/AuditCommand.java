package dev.envprofile.cli;

import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.cli.output.JunitReport;
import dev.envprofile.cli.output.NamespaceReport;
import dev.envprofile.cli.output.NamespacesTable;
import dev.envprofile.cli.output.Origins;
import dev.envprofile.cli.output.SarifReport;
import dev.envprofile.cli.output.TableReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.report.Report;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Prints the parity report of the manifests as they are. Exit 3 when parity is under --fail-under"
        + " (in any namespace, when the input spans several).")
final class AuditCommand implements Callable<Integer>, Main.Streams {
  enum Format { json, table, sarif, junit }

  @Mixin
  InputOptions input = new InputOptions();

  @Option(names = {"-o", "--output"}, defaultValue = "json", paramLabel = "FORMAT",
      description = "json (default), table, sarif (SARIF 2.1.0) or junit (JUnit XML).")
  Format format;

  @Option(names = "--fail-under", paramLabel = "N",
      description = "Exit 3 when parity is below N (0..100), in any namespace; a namespace not audited fails it too.")
  Integer failUnder;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private InputStream stdin = System.in;

  @Override
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() {
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new BadInputException("--fail-under", -1, "must be between 0 and 100, got " + failUnder);
    }
    input.load(stdin);
    if (input.settings == null) {
      return namespaces();
    }
    Report report = Engine.audit(input.objects(), input.settings).report();
    Origins origins = new Origins(input.documents, input.profile);
    var out = spec.commandLine().getOut();
    switch (format) {
      case json -> JsonReport.write(report, out);
      case table -> out.print(TableReport.render(report));
      case sarif -> out.print(SarifReport.render(report, origins, new Main.Version().getVersion()[0]));
      case junit -> out.print(JunitReport.render(report, origins));
    }
    out.flush();
    String others = input.plan.otherNamespacesNote("not audited");
    if (others != null) {
      spec.commandLine().getErr().println(Main.line(others));
    }
    if (failUnder != null && report.parity() < failUnder) {
      // A CI log shows the report and a red step: say why on stderr.
      spec.commandLine().getErr().println(Main.line("parity " + report.parity() + "% is under --fail-under " + failUnder));
      return Main.BELOW_TARGET;
    }
    return Main.OK;
  }

  /** Several namespaces: one report with a section each; the gate is the worst namespace. */
  private int namespaces() {
    List<NamespaceReport> sections = NamespaceRuns.reports(NamespaceRuns.audit(input.plan));
    Origins origins = new Origins(input.documents, input.profile == null ? "<input>" : input.profile);
    var out = spec.commandLine().getOut();
    switch (format) {
      case json -> JsonReport.write(sections, out);
      case table -> out.print(NamespacesTable.render(sections));
      case sarif -> out.print(SarifReport.render(sections, origins, new Main.Version().getVersion()[0]));
      case junit -> out.print(JunitReport.render(sections, origins));
    }
    out.flush();
    var err = spec.commandLine().getErr();
    List<String> under = new ArrayList<>();
    for (NamespaceReport s : sections) {
      if (!s.audited()) {
        under.add(s.namespace() + " (not audited)");
      } else if (failUnder != null && s.report().parity() < failUnder) {
        under.add(s.namespace() + " " + s.report().parity() + "%");
      }
    }
    if (failUnder != null && !under.isEmpty()) {
      err.println(Main.line("parity is under --fail-under " + failUnder + " in " + under.size() + " of "
          + sections.size() + " namespaces: " + InputScope.list(under)));
      return Main.BELOW_TARGET;
    }
    List<String> skipped = input.plan.notAudited();
    if (!skipped.isEmpty()) {
      err.println(Main.line("note: " + skipped.size() + " of " + sections.size() + " namespaces not audited (the report"
          + " says why): " + InputScope.list(skipped)));
    }
    return Main.OK;
  }
}
