package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator jar as a child process of the tests, logging to operator/target/process-logs/. */
final class OperatorProcess {
  private OperatorProcess() {}

  static Process start(Path kubeconfig, String logName, Map<String, String> env, String... args) throws IOException {
    Path jar = ControlPlane.root().resolve("operator/target/envprofile.jar");
    assertThat(jar).as("the jar (mvn package runs before the integration tests)").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "run", "--http-port=0"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(logName).toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().remove("ENVPROFILE_TEST_HALT_AFTER");
    pb.environment().putAll(env);
    return pb.start();
  }

  static Path log(String name) throws IOException {
    Path dir = ControlPlane.root().resolve("operator/target/process-logs");
    Files.createDirectories(dir);
    return dir.resolve(name + ".log");
  }
}
