package dev.envprofile.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envprofile.cli.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The corpus of real applications under operator/src/test/resources/corpus: each app has its
 * published manifests, a SOURCE.md and an expected.yaml written by hand from its documentation
 * (flows, workloads never to scale, scratch volumes). Nothing here calls the engine.
 */
public final class Corpus {
  public static final Path ROOT = locate();

  private Corpus() {}

  /** A flow the application needs: from and to are workload names, or "internet" / "ingress". */
  public record Flow(String from, String to, int port, String protocol) {
    @Override
    public String toString() {
      return from + " -> " + to + ":" + port + ("TCP".equals(protocol) ? "" : "/" + protocol);
    }
  }

  /**
   * @param declared workload name to annotations a user adds because the manifest cannot show it
   *     (state kept in memory by the code): the test promotes the manifests with them added
   */
  public record Expected(String namespace, List<Flow> flows, List<String> neverScaled, List<String> scratchVolumes,
                         Map<String, Map<String, String>> declared) {}

  /** The tiers every app is promoted to; the last one is production with ExternalSecrets. */
  public enum Tier {
    LOCAL("local", "tier: local\n"),
    STAGING("staging", "tier: staging\n"),
    PRODUCTION("production", "tier: production\n"),
    PRODUCTION_EXTERNAL("production-external", """
        tier: production
        secrets:
          provider: ExternalSecret
          externalSecret:
            secretStoreRef: {kind: ClusterSecretStore, name: vault}
            remoteKeyTemplate: "{namespace}/{name}"
        """);

    public final String id;
    public final String spec;

    Tier(String id, String spec) {
      this.id = id;
      this.spec = spec;
    }

    public boolean externalSecrets() {
      return this == PRODUCTION_EXTERNAL;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  public record App(String name) {
    public Path dir() {
      return ROOT.resolve(name);
    }

    public Path manifests() {
      return dir().resolve("manifests");
    }

    /** The published manifests, parsed. */
    public List<HasMetadata> objects() {
      List<HasMetadata> out = new ArrayList<>();
      try (Stream<Path> files = Files.walk(manifests())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
          out.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    public Expected expected() {
      try {
        Map<String, Object> y = new ObjectMapper(new YAMLFactory()).readValue(dir().resolve("expected.yaml").toFile(), Map.class);
        List<Flow> flows = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) y.getOrDefault("flows", List.of())) {
          flows.add(new Flow((String) f.get("from"), (String) f.get("to"), (Integer) f.get("port"),
              (String) f.getOrDefault("protocol", "TCP")));
        }
        return new Expected((String) y.getOrDefault("namespace", "corpus"), flows,
            (List<String>) y.getOrDefault("neverScaled", List.of()), (List<String>) y.getOrDefault("scratchVolumes", List.of()),
            (Map<String, Map<String, String>>) y.getOrDefault("declared", Map.of()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The manifests as a user would give them: the published ones, plus the declarations of
     * expected.yaml as annotations on the workloads they name (written under {@code dir}).
     */
    public Path declaredManifests(Path dir) {
      Map<String, Map<String, String>> declared = expected().declared();
      if (declared.isEmpty()) {
        return manifests();
      }
      StringBuilder yaml = new StringBuilder();
      for (HasMetadata o : objects()) {
        Map<String, String> add = declared.get(o.getMetadata().getName());
        if (add != null && dev.envprofile.engine.inventory.Workload.of(o) != null) {
          Map<String, String> a = o.getMetadata().getAnnotations() == null ? new java.util.LinkedHashMap<>()
              : new java.util.LinkedHashMap<>(o.getMetadata().getAnnotations());
          a.putAll(add);
          o.getMetadata().setAnnotations(a);
        }
        yaml.append(ManifestReader.serialization().asYaml(o));
      }
      try {
        Files.createDirectories(dir);
        Path out = dir.resolve(name + "-declared.yaml");
        Files.writeString(out, yaml.toString());
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The profile document for this app's namespace and a tier. */
    public String profile(Tier tier, String namespace) {
      return "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: corpus, namespace: "
          + namespace + "}\nspec:\n" + tier.spec.indent(2);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public static List<App> apps() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.yaml"))).sorted()
          .map(d -> new App(d.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("operator/src/test/resources/corpus"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("operator/src/test/resources/corpus not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("operator/src/test/resources/corpus");
  }
}
