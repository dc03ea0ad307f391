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

  List<HasMetadata> objects() {
    return documents.stream().map(Document::object).toList();
  }
}
