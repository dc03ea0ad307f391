package dev.envprofile.cli;

import dev.envprofile.api.SecretsSpec;
import dev.envprofile.cli.output.DiffPrinter;
import dev.envprofile.cli.output.JsonReport;
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

  @Override
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() {
    input.load(stdin);
    if (input.settings == null) {
      return namespaces();
    }
    List<HasMetadata> objects = input.objects();
    Result result = Engine.promote(objects, input.settings);
    var out = spec.commandLine().getOut();
    var yaml = ManifestReader.serialization();
    if (diff) {
      out.print(DiffPrinter.render(objects, result.objects(), result.redactor(), yaml));
    } else {
      StringBuilder sb = new StringBuilder();
      for (HasMetadata o : result.objects()) {
        sb.append(yaml.asYaml(o));
      }
      out.print(sb);
    }
    out.flush();
    if (reportFile != null) {
      writeReport(JsonReport.render(result.report()));
    }
    String others = input.plan.otherNamespacesNote("passed through unchanged");
    if (others != null) {
      spec.commandLine().getErr().println(Main.line(others));
    }
    List<String> secrets = result.changes().stream()
        .filter(c -> c.action() == Change.Action.GENERATED && c.object().kind().equals("Secret"))
        .map(c -> c.object().shortName()).distinct().toList();
    if (!diff && !secrets.isEmpty() && input.settings.secrets().provider() == SecretsSpec.Provider.Secret) {
      spec.commandLine().getErr().println(Main.line("note: credential values moved into " + String.join(", ", secrets)
          + " are in this output; use secrets.provider: ExternalSecret for a Git repository"));
    }
    return Main.OK;
  }

  /**
   * Several namespaces, one stream: the objects of no namespace first (input order), then each
   * namespace by name, as the single run orders it; a namespace not audited passes through unchanged.
   */
  private int namespaces() {
    List<NamespaceRuns.Run> runs = NamespaceRuns.promote(input.plan);
    var out = spec.commandLine().getOut();
    var yaml = ManifestReader.serialization();
    StringBuilder sb = new StringBuilder();
    if (!diff) {
      input.plan.clusterScoped.forEach(o -> sb.append(yaml.asYaml(o)));
    }
    List<String> secrets = new ArrayList<>();
    for (NamespaceRuns.Run run : runs) {
      Result result = run.result();
      if (diff) {
        if (result != null) {
          sb.append(DiffPrinter.render(run.unit().objects(), result.objects(), result.redactor(), yaml));
        }
        continue;
      }
      for (HasMetadata o : result == null ? run.unit().objects() : result.objects()) {
        sb.append(yaml.asYaml(o));
      }
      if (result != null && result.settings().secrets().provider() == SecretsSpec.Provider.Secret) {
        result.changes().stream()
            .filter(c -> c.action() == Change.Action.GENERATED && c.object().kind().equals("Secret"))
            .map(c -> c.object().path()).distinct().forEach(secrets::add);
      }
    }
    out.print(sb);
    out.flush();
    if (reportFile != null) {
      writeReport(JsonReport.render(NamespaceRuns.reports(runs)));
    }
    var err = spec.commandLine().getErr();
    if (!secrets.isEmpty()) {
      err.println(Main.line("note: credential values moved into " + InputScope.list(secrets)
          + " are in this output; use secrets.provider: ExternalSecret for a Git repository"));
    }
    List<String> skipped = input.plan.notAudited();
    if (!skipped.isEmpty()) {
      err.println(Main.line("note: " + skipped.size() + " of " + runs.size() + " namespaces not promoted (passed"
          + " through unchanged; --report says why): " + InputScope.list(skipped)));
    }
    return Main.OK;
  }

  private void writeReport(String json) {
    try {
      Files.writeString(Path.of(reportFile), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(reportFile, -1, "cannot write report: " + e.getClass().getSimpleName());
    }
  }
}
