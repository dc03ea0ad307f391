package dev.envprofile.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files: compared, or rewritten by `make goldens` (ENVPROFILE_UPDATE_GOLDENS=true); review the diff. */
public final class Goldens {
  public static final boolean UPDATE = "true".equals(System.getenv("ENVPROFILE_UPDATE_GOLDENS"));

  private Goldens() {}

  public static void compare(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden file missing: run `make goldens`").exists();
    assertThat(actual).as("output differs from %s (run `make goldens` and review the diff)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
