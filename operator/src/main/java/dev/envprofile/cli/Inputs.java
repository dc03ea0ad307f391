package dev.envprofile.cli;

import dev.envprofile.cli.ManifestReader.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves -f arguments (files, directories searched for *.yaml and *.yml, "-" for stdin) into documents. */
final class Inputs {
  private Inputs() {}

  static List<Document> load(List<String> paths, InputStream stdin) {
    List<Document> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.addAll(ManifestReader.documents("<stdin>", readStdin(stdin)));
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        for (Path f : yamlFiles(path)) {
          out.addAll(ManifestReader.documents(f.toString(), read(f)));
        }
      } else if (Files.isRegularFile(path)) {
        out.addAll(ManifestReader.documents(p, read(path)));
      } else {
        throw new BadInputException(p, -1, "no such file or directory");
      }
    }
    return out;
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(f.toString(), -1, "cannot read: " + e.getClass().getSimpleName());
    }
  }

  private static String readStdin(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("<stdin>", -1, "cannot read: " + e.getMessage());
    }
  }

  /** Sorted, so that the same directory always gives the same output. */
  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), -1, "cannot list: " + e.getMessage());
    }
  }
}
