package dev.envprofile.cli;

import dev.envprofile.cli.output.Assumption;
import dev.envprofile.cli.output.HtmlReport;
import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.cli.output.JunitReport;
import dev.envprofile.cli.output.NamespaceReport;
import dev.envprofile.cli.output.NamespacesTable;
import dev.envprofile.cli.output.Origins;
import dev.envprofile.cli.output.SarifReport;
import dev.envprofile.cli.output.TableReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.model.Severity;
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
    description = "Prints the parity report of the manifests as they are. Exit 3 when parity is under --fail-under,"
        + " or a check fails at --fail-on SEVERITY or worse.")
final class AuditCommand implements Callable<Integer>, Main.Streams {
  enum Format { json, table, sarif, junit, html }

  @Mixin
  InputOptions input = new InputOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (the default on a terminal), json (the default into a pipe or file), sarif (SARIF 2.1.0), junit (JUnit XML) or html (one self-contained page).")
  Format format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", arity = "0..1", fallbackValue = "always",
      description = "Colour the table: auto (on a terminal unless NO_COLOR is set), always or never.")
  Colour colour;

  enum Colour { auto, always, never }

  @Option(names = "--fail-under", paramLabel = "N",
      description = "Exit 3 when parity is below N (0..100), in any namespace; a namespace not audited fails it too.")
  Integer failUnder;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 3 when any check fails with SEVERITY or worse: critical, warning or info; in any namespace,"
          + " and a namespace not audited fails it too.")
  FailOn failOn;

  enum FailOn {
    critical(Severity.CRITICAL), warning(Severity.WARNING), info(Severity.INFO);

    final Severity severity;

    FailOn(Severity severity) {
      this.severity = severity;
    }
  }

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private InputStream stdin = System.in;
  private Terminal terminal = Terminal.PIPE;

  @Override
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public void terminal(Terminal t) {
    this.terminal = t;
  }

  @Override
  public void environment(java.util.Map<String, String> env) {
    input.env = env;
  }

  @Override
  public Integer call() {
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new BadInputException("--fail-under", -1, "must be between 0 and 100, got " + failUnder);
    }
    Report report;
    List<Assumption> assumptions;
    List<NamespaceReport> sections = null;
    try (Progress progress = Progress.on(terminal, spec.commandLine().getErr())) {
      progress.phase("reading manifests");
      input.load(stdin);
      progress.phase("auditing " + input.documents.size() + " objects");
      if (input.settings == null) {
        sections = NamespaceRuns.reports(NamespaceRuns.audit(input.plan));
        report = null;
        assumptions = List.of();
      } else {
        report = Engine.audit(input.objects(), input.settings).report();
        assumptions = input.assumptions();
      }
    }
    // People at a terminal read a table; scripts reading a pipe keep getting JSON (docs/cli.md, "audit").
    Format chosen = format != null ? format : terminal.stdout() ? Format.table : Format.json;
    TableReport table = new TableReport(terminal.columns(), terminal.colour(colour.name()));
    if (sections != null) {
      return namespaces(sections, chosen, table);
    }
    Origins origins = new Origins(input.documents, input.profile);
    var out = spec.commandLine().getOut();
    switch (chosen) {
      case json -> JsonReport.write(report, assumptions, out);
      case table -> out.print(table.render(report, origins, assumptions));
      case sarif -> out.print(SarifReport.render(report, origins, BuildInfo.current().version()));
      case junit -> out.print(JunitReport.render(report, origins));
      case html -> out.print(HtmlReport.render(report, origins, assumptions, new Main.Version().getVersion()[0]));
    }
    out.flush();
    String others = input.plan.otherNamespacesNote("not audited");
    if (others != null) {
      spec.commandLine().getErr().println(Main.line(others));
    }
    int exit = Main.OK;
    if (failUnder != null && report.parity() < failUnder) {
      // A CI log shows the report and a red step: say why on stderr.
      spec.commandLine().getErr().println(Main.line("parity " + report.parity() + "% is under --fail-under " + failUnder));
      exit = Main.BELOW_TARGET;
    }
    if (failOn != null) {
      SeverityGate gate = new SeverityGate(failOn.severity);
      String failures = gate.failures(report);
      if (failures != null) {
        spec.commandLine().getErr().println(Main.line(gate.line(failures)));
        exit = Main.BELOW_TARGET;
      }
    }
    return exit;
  }

  /** Several namespaces: one report with a section each; the gate is the worst namespace. */
  private int namespaces(List<NamespaceReport> sections, Format chosen, TableReport table) {
    Origins origins = new Origins(input.documents, input.profile == null ? "<input>" : input.profile);
    var out = spec.commandLine().getOut();
    switch (chosen) {
      case json -> JsonReport.write(sections, input::assumptions, out);
      case table -> out.print(NamespacesTable.render(sections, table, origins, input::assumptions));
      case sarif -> out.print(SarifReport.render(sections, origins, BuildInfo.current().version()));
      case junit -> out.print(JunitReport.render(sections, origins));
      case html -> out.print(HtmlReport.render(sections, origins, input::assumptions,
          new Main.Version().getVersion()[0]));
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
    int exit = Main.OK;
    if (failUnder != null && !under.isEmpty()) {
      err.println(Main.line("parity is under --fail-under " + failUnder + " in " + under.size() + " of "
          + sections.size() + " namespaces: " + InputScope.list(under)));
      exit = Main.BELOW_TARGET;
    }
    if (failOn != null) {
      SeverityGate gate = new SeverityGate(failOn.severity);
      List<String> failing = new ArrayList<>();
      for (NamespaceReport s : sections) {
        String failures = s.audited() ? gate.failures(s.report()) : "not audited";
        if (failures != null) {
          failing.add(s.namespace() + " (" + failures + ")");
        }
      }
      if (!failing.isEmpty()) {
        err.println(Main.line(gate.line(failing, sections.size())));
        exit = Main.BELOW_TARGET;
      }
    }
    List<String> skipped = input.plan.notAudited();
    if (exit == Main.OK && !skipped.isEmpty()) {
      err.println(Main.line("note: " + skipped.size() + " of " + sections.size() + " namespaces not audited (the report"
          + " says why): " + InputScope.list(skipped)));
    }
    return exit;
  }
}
