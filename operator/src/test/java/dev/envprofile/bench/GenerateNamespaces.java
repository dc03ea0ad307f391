package dev.envprofile.bench;

import dev.envprofile.cli.ManifestReader;
import dev.envprofile.testing.NamespaceGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated dev namespaces as YAML for the offline comparison with the peer tools:
 * {@code GenerateNamespaces <dir> <objects>...}: one file per size, deterministic (seed 42), about
 * 2.5 objects per workload. Prints "size, objects, file" per line (tab-separated).
 *
 * <p>{@code GenerateNamespaces --repository <dir> <namespaces> <objects>}: one file, repository-N.yaml,
 * holding N namespaces (ns-001...) of about objects/N objects each, each generated from its own
 * seed, in the order of the namespaces: the layout of a GitOps repository rendered into one file.
 */
public final class GenerateNamespaces {
  private GenerateNamespaces() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("--repository")) {
      repository(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (int i = 1; i < args.length; i++) {
      int target = Integer.parseInt(args[i]);
      List<HasMetadata> objects = NamespaceGenerator.generate(42, workloads(target), "bench");
      StringBuilder yaml = new StringBuilder();
      for (HasMetadata o : objects) {
        yaml.append(ManifestReader.serialization().asYaml(o));
      }
      Path file = dir.resolve("namespace-" + target + ".yaml");
      Files.writeString(file, yaml);
      System.out.println(target + "\t" + objects.size() + "\t" + file);
    }
  }

  static void repository(Path dir, int namespaces, int target) throws IOException {
    Files.createDirectories(dir);
    StringBuilder yaml = new StringBuilder();
    int count = 0;
    for (int i = 1; i <= namespaces; i++) {
      String ns = String.format("ns-%03d", i);
      for (HasMetadata o : NamespaceGenerator.generate(42 + i, workloads(target / namespaces), ns)) {
        yaml.append(ManifestReader.serialization().asYaml(o));
        count++;
      }
    }
    Path file = dir.resolve("repository-" + namespaces + ".yaml");
    Files.writeString(file, yaml);
    System.out.println(namespaces + "\t" + count + "\t" + file);
  }

  /** Workloads for about that many objects (2.5 objects per workload on average). */
  static int workloads(int objects) {
    return Math.max(1, objects * 10 / 25);
  }
}
