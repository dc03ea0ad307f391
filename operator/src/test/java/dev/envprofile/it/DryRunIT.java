package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.it.support.*;
import dev.envprofile.testing.NamespaceGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everything the engine emits is accepted by a real API server: every object `promote` renders,
 * for every sample and profile and for generated namespaces, passes a server-side apply with
 * dryRun=All (schema, defaulting, validation, CEL), nothing persisted.
 */
class DryRunIT extends ClusterTest {

  @BeforeAll
  static void externalSecrets() {
    installExternalSecretsCrd();
  }

  @Test
  void everySampleUnderEveryProfileIsAcceptedByTheApiServer() throws IOException {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> samples = Files.list(ControlPlane.root().resolve("samples"))) {
      for (Path sample : samples.sorted().toList()) {
        List<HasMetadata> manifests = read(sample.resolve("manifests"));
        try (Stream<Path> profiles = Files.list(sample.resolve("profiles"))) {
          for (Path p : profiles.sorted().toList()) {
            EnvironmentProfile profile = ManifestReader.serialization().unmarshal(Files.readString(p), EnvironmentProfile.class);
            Result r = Engine.promote(copies(manifests), Engine.settings(namespace, profile.getSpec()));
            checked += dryRun(r.objects(), sample.getFileName() + "/" + p.getFileName(), refused);
          }
        }
      }
    }
    assertThat(refused).as("objects the API server refused").isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void generatedNamespacesPromotedToEachTierAreAcceptedByTheApiServer() {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (long seed = 1; seed <= 5; seed++) {
      for (String tier : List.of("staging", "production")) {
        List<HasMetadata> input = NamespaceGenerator.generate(seed, 30, namespace);
        var settings = dev.envprofile.testing.TestManifests.settings("tier: " + tier, namespace);
        checked += dryRun(Engine.promote(input, settings).objects(), "seed " + seed + " " + tier, refused);
      }
    }
    assertThat(refused).as("objects the API server refused").isEmpty();
    assertThat(checked).isGreaterThan(500);
  }

  /**
   * Mutated manifests (the fuzzer's mutations) that the CLI accepts: where the API server accepts
   * the input, it accepts the promoted output too; what the engine generates is always accepted.
   */
  @Test
  void mutatedInputsTheApiServerAcceptsStayAcceptableOncePromoted() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ControlPlane.root().resolve("samples"))) {
      for (Path f : files.filter(p -> p.toString().contains("manifests") && p.toString().endsWith(".yaml")).sorted().toList()) {
        texts.add(Files.readString(f));
      }
    }
    EnvironmentProfile profile = ManifestReader.serialization().unmarshal(
        Files.readString(ControlPlane.root().resolve("samples/shop/profiles/production-secret.yaml")), EnvironmentProfile.class);
    var settings = Engine.settings(namespace, profile.getSpec());
    java.util.Random r = new java.util.Random(7);
    List<String> refused = new ArrayList<>();
    int cases = 0;
    for (int i = 0; i < 200; i++) {
      List<HasMetadata> input;
      try {
        input = ManifestReader.read("mutated-" + i, dev.envprofile.testing.Mutations.mutate(texts.get(r.nextInt(texts.size())), r, 1 + r.nextInt(3)));
      } catch (dev.envprofile.cli.BadInputException e) {
        continue; // refused by the CLI with one line: CliFuzzTest's business
      }
      input.forEach(o -> o.getMetadata().setNamespace(namespace));
      List<String> inputRefused = new ArrayList<>();
      dryRun(copies(input), "input " + i, inputRefused);
      java.util.Set<String> badInputs = new java.util.HashSet<>();
      // A refused input stays refused in every object made from it (a StatefulSet from its Deployment).
      inputRefused.forEach(m -> badInputs.add(m.substring(m.indexOf("/", m.indexOf(": ")) + 1, m.indexOf(": HTTP"))));
      List<HasMetadata> output = Engine.promote(copies(input), settings).objects().stream()
          .filter(o -> !badInputs.contains(o.getMetadata().getName())).toList();
      dryRun(output, "mutated " + i, refused);
      cases++;
    }
    assertThat(refused).as("promoted objects the API server refused").isEmpty();
    assertThat(cases).as("mutated inputs the CLI accepted").isGreaterThan(30);
  }

  private int dryRun(List<HasMetadata> objects, String source, List<String> refused) {
    int n = 0;
    for (HasMetadata o : objects) {
      o.getMetadata().setNamespace(namespace);
      try {
        noRetry().resource(o).dryRun().fieldManager("dry-run-it").forceConflicts().serverSideApply();
        n++;
      } catch (KubernetesClientException e) {
        String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        refused.add(source + ": " + o.getKind() + "/" + o.getMetadata().getName() + ": HTTP " + e.getCode() + " " + m);
      }
    }
    return n;
  }

  private static io.fabric8.kubernetes.client.KubernetesClient noRetryClient;

  /** The client retries server errors with backoff; a refused dry run is an answer, not a fault. */
  private static synchronized io.fabric8.kubernetes.client.KubernetesClient noRetry() {
    if (noRetryClient == null) {
      noRetryClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
          new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
    }
    return noRetryClient;
  }

  private List<HasMetadata> read(Path dir) throws IOException {
    List<HasMetadata> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
        out.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
      }
    }
    out.forEach(o -> o.getMetadata().setNamespace(namespace));
    return out;
  }

  private static List<HasMetadata> copies(List<HasMetadata> objects) {
    return objects.stream().map(dev.envprofile.engine.Copies::deep).toList();
  }
}
