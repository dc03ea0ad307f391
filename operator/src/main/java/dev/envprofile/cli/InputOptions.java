package dev.envprofile.cli;

import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options promote and audit share: the profiles and the manifests. */
final class InputOptions {
  @Option(names = "--profile", paramLabel = "FILE",
      description = "An EnvironmentProfile manifest. Repeatable: one per namespace (naming it), and at most one "
          + "naming no namespace, which applies to every namespace no other profile names. Optional when the "
          + "input holds EnvironmentProfile objects.")
  List<String> profiles;

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
      description = "A manifest file, a directory (searched for *.yaml and *.yml) or - for stdin. Repeatable.")
  List<String> paths;

  @Option(names = {"-k", "--kustomize"}, paramLabel = "DIR",
      description = "A kustomization directory, rendered with kubectl kustomize DIR (kubectl on PATH, or the one "
          + "the project builds). Repeatable; read after the -f inputs.")
  List<String> kustomizations;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Read the live namespace NS through the current kubeconfig (read-only) instead of -f/-k; the "
          + "profile is --profile, else the namespace's EnvironmentProfile on the cluster.")
  String namespace;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context for --namespace (default: the current one).")
  String context;

  /** The process environment (PATH for -k's kubectl, KUBECONFIG and HOME for --namespace); tests give their own. */
  Map<String, String> env = System.getenv();
  /** The spec of the cluster's EnvironmentProfile of a --namespace run (no --profile), for the assumptions. */
  private com.fasterxml.jackson.databind.JsonNode liveSpec;
  /** --namespace: the objects come from the cluster, not from files. */
  boolean live;

  List<Document> documents;
  NamespacePlan plan;
  /** The profile of the single run (one profile, one namespace); null when several namespaces are audited. */
  Settings settings;
  /** The profile file of the single run, named where an object's own file is unknown. */
  String profile;

  void load(InputStream stdin) {
    List<String> files = paths == null ? List.of() : paths;
    List<String> dirs = kustomizations == null ? List.of() : kustomizations;
    if (namespace != null) {
      if (!files.isEmpty() || !dirs.isEmpty()) {
        throw new BadInputException(null, -1, "--namespace reads the cluster: give it without -f and -k");
      }
      loadLive();
      return;
    }
    if (context != null) {
      throw new BadInputException(null, -1, "--context only applies to --namespace");
    }
    if (files.isEmpty() && dirs.isEmpty()) {
      throw new BadInputException(null, -1, "no input: give -f PATH, -k DIR or --namespace NS");
    }
    documents = Inputs.load(files, dirs, env, stdin);
    plan = NamespacePlan.of(profiles, documents);
    settings = plan.single;
    profile = profiles == null || profiles.isEmpty() ? null : profiles.get(0);
  }

  /** --namespace: one namespace of the cluster, audited by --profile or by its own EnvironmentProfile there. */
  private void loadLive() {
    if (profiles != null && profiles.size() > 1) {
      throw new BadInputException(profiles.get(1), -1, "--namespace audits one namespace: give at most one --profile");
    }
    dev.envprofile.api.EnvironmentProfile given = null;
    if (profiles != null && !profiles.isEmpty()) {
      given = ProfileLoader.read(profiles.get(0));
      String ns = ProfileLoader.namespaceOf(given);
      if (ns != null && !ns.equals(namespace)) {
        throw new BadInputException(profiles.get(0), -1, "names namespace " + ns + ", not " + namespace
            + " (--namespace): drop metadata.namespace or give the profile of " + namespace);
      }
    }
    LiveNamespace.Read read;
    try (var client = LiveNamespace.client(env, context)) {
      read = LiveNamespace.read(client, namespace, given == null);
    }
    live = true;
    documents = read.documents();
    profile = given != null ? profiles.get(0) : read.profileLabel();
    if (given == null) {
      liveSpec = dev.envprofile.engine.apply.Trees.tree(read.profile()).path("spec");
    }
    settings = ProfileLoader.settings(profile, namespace, given != null ? given : read.profile());
    plan = NamespacePlan.live(settings, objects(), LiveNamespace.source(namespace));
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
    if (liveSpec != null) {
      return liveSpec;
    }
    WrittenSpecs specs = writtenSpecs;
    if (specs == null) {
      specs = writtenSpecs = WrittenSpecs.of(profiles, documents);
    }
    return specs.of(namespace);
  }

  /** Read once per run: a run over 400 namespaces asks for each, and reading per ask was a fifth of the run. */
  private WrittenSpecs writtenSpecs;

  private record WrittenSpecs(Map<String, com.fasterxml.jackson.databind.JsonNode> byNamespace,
                              com.fasterxml.jackson.databind.JsonNode anyNamespace) {
    static WrittenSpecs of(List<String> profiles, List<Document> documents) {
      Map<String, com.fasterxml.jackson.databind.JsonNode> given = new java.util.HashMap<>();
      com.fasterxml.jackson.databind.JsonNode any = null;
      for (String file : profiles == null ? List.<String>of() : profiles) {
        com.fasterxml.jackson.databind.JsonNode doc;
        try {
          doc = LinearYamlFactory.mapper().readTree(Inputs.read(java.nio.file.Path.of(file)));
        } catch (java.io.IOException e) {
          throw new BadInputException(file, -1, "cannot read: " + e.getClass().getSimpleName());
        }
        String ns = doc.path("metadata").path("namespace").asText("");
        if (ns.isEmpty()) {
          any = any == null ? doc.path("spec") : any;
        } else {
          given.putIfAbsent(ns, doc.path("spec"));
        }
      }
      // A --profile naming the namespace wins over the input's profile in it.
      Map<String, com.fasterxml.jackson.databind.JsonNode> found = new java.util.HashMap<>();
      for (Document d : documents) {
        String ns = d.object().getMetadata().getNamespace();
        if (NamespacePlan.isProfile(d.object()) && ns != null && !given.containsKey(ns) && !found.containsKey(ns)) {
          found.put(ns, dev.envprofile.engine.apply.Trees.tree(d.object()).path("spec"));
        }
      }
      given.putAll(found);
      return new WrittenSpecs(given, any);
    }

    com.fasterxml.jackson.databind.JsonNode of(String namespace) {
      com.fasterxml.jackson.databind.JsonNode spec = byNamespace.get(namespace);
      if (spec != null) {
        return spec;
      }
      return anyNamespace != null ? anyNamespace : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  List<HasMetadata> objects() {
    return documents.stream().map(Document::object).toList();
  }
}
