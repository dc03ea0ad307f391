package dev.envprofile.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed CRD is the one the build generates from the Java classes (run `make crds`). */
class CrdUpToDateTest {
  @Test
  void committedCrdEqualsGenerated() throws IOException {
    Path generated = Path.of(System.getProperty("envprofile.classes", "target/classes"),
        "META-INF/fabric8/environmentprofiles.envprofile.dev-v1.yml");
    Path committed = Path.of("../crds/environmentprofiles.envprofile.dev-v1.yaml");
    assertThat(generated).exists();
    assertThat(Files.readString(committed)).as("crds/ is stale: run `make crds`")
        .isEqualTo(Files.readString(generated));
  }

  @Test
  void chartShipsTheSameCrd() throws IOException {
    Path chart = Path.of("../helm/envprofile-operator/crds/environmentprofiles.envprofile.dev-v1.yaml");
    assertThat(Files.readString(chart)).as("the chart's CRD is stale: run `make chart`")
        .isEqualTo(Files.readString(Path.of("../crds/environmentprofiles.envprofile.dev-v1.yaml")));
  }
}
