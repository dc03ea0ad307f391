package dev.envprofile.cli;

import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
import java.util.List;
import picocli.CommandLine.Option;

/** The options promote and audit share: the profiles and the manifests. */
final class InputOptions {
  @Option(names = "--profile", paramLabel = "FILE",
      description = "An EnvironmentProfile manifest. Repeatable: one per namespace (naming it), and at most one "
          + "naming no namespace, which applies to every namespace no other profile names. Optional when the "
          + "input holds EnvironmentProfile objects.")
  List<String> profiles;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "PATH",
      description = "A manifest file, a directory (searched for *.yaml and *.yml) or - for stdin. Repeatable.")
  List<String> paths;

  List<Document> documents;
  NamespacePlan plan;
  /** The profile of the single run (one profile, one namespace); null when several namespaces are audited. */
  Settings settings;
  /** The profile file of the single run, named where an object's own file is unknown. */
  String profile;

  void load(InputStream stdin) {
    documents = Inputs.load(paths, stdin);
    plan = NamespacePlan.of(profiles, documents);
    settings = plan.single;
    profile = profiles == null || profiles.isEmpty() ? null : profiles.get(0);
  }

  List<HasMetadata> objects() {
    return documents.stream().map(Document::object).toList();
  }
}
