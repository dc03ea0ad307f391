package dev.envprofile.cli;

import dev.envprofile.api.SecretsSpec;
import dev.envprofile.cli.output.Assumption;
import dev.envprofile.cli.output.DiffPrinter;
import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.cli.output.YamlWriter;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.Change;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "promote", mixinStandardHelpOptions = true,
    description = "Prints the manifests as Enforce makes them, as one multi-document YAML stream.")
final class PromoteCommand implements Callable<Integer>, Main.Streams {
  @Mixin
  InputOptions input = new InputOptions();

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report of the result to FILE.")
  String reportFile;

  @Option(names = "--diff", description = "Print a unified diff per changed object instead of the manifests (Secret values masked).")
  boolean diff;

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

  /** Names shown in the note about moved Secrets; the rest are counted (a namespace can have thousands). */
  static final int NAMES_SHOWN = 3;

  /** One short line however many Secrets: the count, the first names, where the full list is (the output). */
  static String secretsNote(List<String> secrets) {
    int n = secrets.size();
    String names = String.join(", ", secrets.subList(0, Math.min(n, NAMES_SHOWN)));
    String which = n <= NAMES_SHOWN ? names
        : n + " Secrets (" + names + " and " + (n - NAMES_SHOWN) + " more: the kind: Secret documents)";
    return "note: credential values moved into " + which
        + " are in this output; use secrets.provider: ExternalSecret for a Git repository";
  }

  @Override
  public Integer call() {
    Result result;
    List<Assumption> assumptions;
    try (Progress progress = Progress.on(terminal, spec.commandLine().getErr())) {
      progress.phase("reading manifests");
      input.load(stdin);
      if (input.settings == null) {
        return namespaces(progress);
      }
      List<HasMetadata> objects = input.objects();
      progress.phase("promoting " + objects.size() + " objects");
      result = Engine.promote(objects, input.settings);
      assumptions = input.assumptions();
      var out = spec.commandLine().getOut();
      if (diff) {
        progress.phase("comparing");
        // The diff keeps fabric8's quoted YAML: the masking of credential values is proven on it.
        out.print(DiffPrinter.render(objects, result.objects(), result.redactor(), ManifestReader.serialization()));
      } else {
        // The input is no longer needed: let it go before writing (12,000 objects are a few hundred MB).
        input.documents = null;
        objects = null;
        // Streamed: one document at a time, never the whole stream as one string.
        YamlWriter yaml = new YamlWriter(ManifestReader.serialization());
        progress.phase("writing objects", result.objects().size());
        boolean live = input.live;
        for (HasMetadata o : result.objects()) {
          yaml.write(live ? LiveNamespace.masked(o) : o, out);
          progress.step();
        }
      }
      out.flush();
      if (reportFile != null) {
        progress.phase("writing " + reportFile);
        try (var w = Files.newBufferedWriter(Path.of(reportFile), StandardCharsets.UTF_8)) {
          JsonReport.write(result.report(), assumptions, w);
        } catch (IOException | java.io.UncheckedIOException e) {
          throw new BadInputException(reportFile, -1, "cannot write report: " + e.getClass().getSimpleName());
        }
      }
    }
    var err = spec.commandLine().getErr();
    assumptions.forEach(a -> err.println(Main.line("note: " + a.message())));
    List<String> secrets = result.changes().stream()
        .filter(c -> c.action() == Change.Action.GENERATED && c.object().kind().equals("Secret"))
        .map(c -> c.object().shortName()).distinct().toList();
    if (!diff && input.live) {
      // The values were in the cluster, not in any input the user gave: they are not printed.
      if (result.objects().stream().anyMatch(o -> LiveNamespace.masked(o) != o)) {
        err.println(Main.line("note: Secret values read from namespace " + input.settings.namespace()
            + " are masked (" + dev.envprofile.engine.report.Redactor.MASK + "): this output shows what Enforce"
            + " would write; it is not a backup of the namespace"));
      }
    } else if (!diff && !secrets.isEmpty() && input.settings.secrets().provider() == SecretsSpec.Provider.Secret) {
      spec.commandLine().getErr().println(Main.line(secretsNote(secrets)));
    }
    String others = input.plan.otherNamespacesNote("passed through unchanged");
    if (others != null) {
      spec.commandLine().getErr().println(Main.line(others));
    }
    return Main.OK;
  }

  /**
   * Several namespaces, one stream: the objects of no namespace first (input order), then each
   * namespace by name, as the single run orders it; a namespace not audited passes through unchanged.
   */
  private int namespaces(Progress progress) {
    progress.phase("promoting " + input.plan.units.size() + " namespaces");
    List<NamespaceRuns.Run> runs = NamespaceRuns.promote(input.plan);
    var out = spec.commandLine().getOut();
    var fabric8 = ManifestReader.serialization();
    YamlWriter yaml = new YamlWriter(fabric8);
    if (!diff) {
      input.plan.clusterScoped.forEach(o -> yaml.write(o, out));
    }
    List<String> secrets = new ArrayList<>();
    var err = spec.commandLine().getErr();
    for (NamespaceRuns.Run run : runs) {
      Result result = run.result();
      if (diff) {
        if (result != null) {
          out.print(DiffPrinter.render(run.unit().objects(), result.objects(), result.redactor(), fabric8));
        }
        continue;
      }
      for (HasMetadata o : result == null ? run.unit().objects() : result.objects()) {
        yaml.write(o, out);
      }
      if (result != null && result.settings().secrets().provider() == SecretsSpec.Provider.Secret) {
        result.changes().stream()
            .filter(c -> c.action() == Change.Action.GENERATED && c.object().kind().equals("Secret"))
            .map(c -> c.object().path()).distinct().forEach(secrets::add);
      }
      if (result != null) {
        input.assumptions(run.unit().namespace())
            .forEach(a -> err.println(Main.line("note: " + run.unit().namespace() + ": " + a.message())));
      }
    }
    out.flush();
    if (reportFile != null) {
      try (var w = Files.newBufferedWriter(Path.of(reportFile), StandardCharsets.UTF_8)) {
        w.write(JsonReport.render(NamespaceRuns.reports(runs)));
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new BadInputException(reportFile, -1, "cannot write report: " + e.getClass().getSimpleName());
      }
    }
    if (!secrets.isEmpty()) {
      err.println(Main.line(secretsNote(secrets)));
    }
    List<String> skipped = input.plan.notAudited();
    if (!skipped.isEmpty()) {
      err.println(Main.line("note: " + skipped.size() + " of " + runs.size() + " namespaces not promoted (passed"
          + " through unchanged; --report says why): " + InputScope.list(skipped)));
    }
    return Main.OK;
  }
}
