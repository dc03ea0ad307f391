package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
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

  private int dryRun(List<HasMetadata> objects, String source, List<String> refused) {
    int n = 0;
    for (HasMetadata o : objects) {
      o.getMetadata().setNamespace(namespace);
      try {
        client.resource(o).dryRun().fieldManager("dry-run-it").forceConflicts().serverSideApply();
        n++;
      } catch (KubernetesClientException e) {
        String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        refused.add(source + ": " + o.getKind() + "/" + o.getMetadata().getName() + ": HTTP " + e.getCode() + " " + m);
      }
    }
    return n;
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
