package dev.envprofile.cli;

import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.cli.output.JunitReport;
import dev.envprofile.cli.output.Origins;
import dev.envprofile.cli.output.SarifReport;
import dev.envprofile.cli.output.TableReport;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.report.Report;
import dev.envprofile.cli.output.Assumption;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Prints the parity report of the manifests as they are. Exit 3 when parity is under --fail-under.")
final class AuditCommand implements Callable<Integer>, Main.Streams {
  enum Format { json, table, sarif, junit }

  @Mixin
  InputOptions input = new InputOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
      description = "table (the default on a terminal), json (the default into a pipe or file), sarif (SARIF 2.1.0) or junit (JUnit XML).")
  Format format;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", arity = "0..1", fallbackValue = "always",
      description = "Colour the table: auto (on a terminal unless NO_COLOR is set), always or never.")
  Colour colour;

  enum Colour { auto, always, never }

  @Option(names = "--fail-under", paramLabel = "N", description = "Exit 3 when parity is below N (0..100).")
  Integer failUnder;

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
  public Integer call() {
    if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
      throw new BadInputException("--fail-under", -1, "must be between 0 and 100, got " + failUnder);
    }
    Report report;
    List<Assumption> assumptions;
    try (Progress progress = Progress.on(terminal, spec.commandLine().getErr())) {
      progress.phase("reading manifests");
      input.load(stdin);
      progress.phase("auditing " + input.documents.size() + " objects");
      report = Engine.audit(input.objects(), input.settings).report();
      assumptions = input.assumptions();
    }
    Origins origins = new Origins(input.documents, input.profile);
    var out = spec.commandLine().getOut();
    // People at a terminal read a table; scripts reading a pipe keep getting JSON (contract §5).
    Format chosen = format != null ? format : terminal.stdout() ? Format.table : Format.json;
    switch (chosen) {
      case json -> JsonReport.write(report, assumptions, out);
      case table -> out.print(new TableReport(terminal.columns(), terminal.colour(colour.name())).render(report, origins, assumptions));
      case sarif -> out.print(SarifReport.render(report, origins, new Main.Version().getVersion()[0]));
      case junit -> out.print(JunitReport.render(report, origins));
    }
    out.flush();
    if (failUnder != null && report.parity() < failUnder) {
      // A CI log shows the report and a red step: say why on stderr.
      spec.commandLine().getErr().println(Main.line("parity " + report.parity() + "% is under --fail-under " + failUnder));
      return Main.BELOW_TARGET;
    }
    return Main.OK;
  }
}
