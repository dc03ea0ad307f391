package dev.envprofile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is a pure function: no Kubernetes client, no JOSDK, no I/O. */
class EnginePurityTest {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "^import\\s+(static\\s+)?(io\\.fabric8\\.kubernetes\\.client|io\\.javaoperatorsdk|java\\.io|java\\.nio\\.file|java\\.net|dev\\.envprofile\\.(cli|operator))\\b");

  @Test
  void engineImportsNoClientNoFrameworkNoIo() throws IOException {
    Path root = Path.of("src/main/java/dev/envprofile/engine");
    assertThat(root).isDirectory();
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i).trim()).find()) {
            offences.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
          if (lines.get(i).contains("System.out") || lines.get(i).contains("System.err")) {
            offences.add(f + ":" + (i + 1) + ": prints");
          }
        }
      }
    }
    assertThat(offences).isEmpty();
  }
}
