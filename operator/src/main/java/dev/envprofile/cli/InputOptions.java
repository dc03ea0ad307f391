package dev.envprofile.cli;

import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
import java.util.List;
import picocli.CommandLine.Option;

/** The options promote and audit share: the profile and the manifests. */
final class InputOptions {
  @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The EnvironmentProfile manifest.")
  String profile;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "PATH",
      description = "A manifest file, a directory (searched for *.yaml and *.yml) or - for stdin. Repeatable.")
  List<String> paths;

  List<Document> documents;
  Settings settings;

  void load(InputStream stdin) {
    documents = Inputs.load(paths, stdin);
    settings = ProfileLoader.load(profile, documents);
    InputScope.requireSelection(profile, objects(), settings);
  }

  /** The environment defaults the run rests on (call after {@link #load}, while the documents are held). */
  List<dev.envprofile.cli.output.Assumption> assumptions() {
    com.fasterxml.jackson.databind.JsonNode spec;
    try {
      spec = LinearYamlFactory.mapper().readTree(Inputs.read(java.nio.file.Path.of(profile))).path("spec");
    } catch (java.io.IOException e) {
      throw new BadInputException(profile, -1, "cannot read: " + e.getClass().getSimpleName());
    }
    return Assumptions.of(spec, settings, objects());
  }

  List<HasMetadata> objects() {
    return documents.stream().map(Document::object).toList();
  }
}
