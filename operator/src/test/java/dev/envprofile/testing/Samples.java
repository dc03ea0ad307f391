package dev.envprofile.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample namespaces under samples/: each has manifests/ and profiles/*.yaml. */
public final class Samples {
  public static final Path ROOT = locate();

  private Samples() {}

  public record Case(String sample, String profile) {
    public Path manifests() {
      return ROOT.resolve(sample).resolve("manifests");
    }

    public Path profileFile() {
      return ROOT.resolve(sample).resolve("profiles").resolve(profile + ".yaml");
    }

    /** The sample's manifests, file by file in name order, as the CLI reads a directory. */
    public List<io.fabric8.kubernetes.api.model.HasMetadata> objects() {
      List<io.fabric8.kubernetes.api.model.HasMetadata> out = new java.util.ArrayList<>();
      try (Stream<Path> files = Files.list(manifests())) {
        for (Path f : files.filter(x -> x.toString().endsWith(".yaml") || x.toString().endsWith(".yml")).sorted().toList()) {
          out.addAll(dev.envprofile.cli.ManifestReader.read(f.toString(), Files.readString(f)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }

    public Path golden(String suffix) {
      return ROOT.resolve(sample).resolve("golden").resolve(profile + suffix);
    }

    @Override
    public String toString() {
      return sample + "/" + profile;
    }
  }

  public static List<Case> all() {
    try (Stream<Path> samples = Files.list(ROOT)) {
      return samples.filter(Files::isDirectory).sorted().flatMap(s -> {
        try (Stream<Path> profiles = Files.list(s.resolve("profiles"))) {
          return profiles.filter(p -> p.toString().endsWith(".yaml")).sorted()
              .map(p -> new Case(s.getFileName().toString(), p.getFileName().toString().replace(".yaml", "")))
              .toList().stream();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("samples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("samples");
  }
}
