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

  /** The environment defaults the single run rests on (call after {@link #load}, while the documents are held). */
  List<dev.envprofile.cli.output.Assumption> assumptions() {
    return settings == null ? List.of() : Assumptions.of(writtenSpec(settings.namespace()), settings, objects());
  }

  /** The environment defaults one namespace of a run over several rests on; none when it was not audited. */
  List<dev.envprofile.cli.output.Assumption> assumptions(String namespace) {
    for (NamespacePlan.Unit u : plan.units) {
      if (u.namespace().equals(namespace) && u.settings() != null) {
        return Assumptions.of(writtenSpec(namespace), u.settings(), u.objects());
      }
    }
    return List.of();
  }

  /**
   * The spec of the profile that applies to {@code namespace} as it is written (what it leaves out
   * are the defaults), in the order profiles apply: a --profile naming the namespace, the input's
   * EnvironmentProfile in it, a --profile naming none.
   */
  private com.fasterxml.jackson.databind.JsonNode writtenSpec(String namespace) {
    com.fasterxml.jackson.databind.JsonNode anyNamespace = null;
    for (String file : profiles == null ? List.<String>of() : profiles) {
      com.fasterxml.jackson.databind.JsonNode doc;
      try {
        doc = LinearYamlFactory.mapper().readTree(Inputs.read(java.nio.file.Path.of(file)));
      } catch (java.io.IOException e) {
        throw new BadInputException(file, -1, "cannot read: " + e.getClass().getSimpleName());
      }
      String ns = doc.path("metadata").path("namespace").asText("");
      if (ns.equals(namespace)) {
        return doc.path("spec");
      }
      if (ns.isEmpty() && anyNamespace == null) {
        anyNamespace = doc.path("spec");
      }
    }
    for (Document d : documents) {
      if (NamespacePlan.isProfile(d.object()) && namespace.equals(d.object().getMetadata().getNamespace())) {
        return dev.envprofile.engine.apply.Trees.tree(d.object()).path("spec");
      }
    }
    return anyNamespace != null ? anyNamespace : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  List<HasMetadata> objects() {
    return documents.stream().map(Document::object).toList();
  }
}
