package dev.envprofile.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator jar as a child process of the tests, logging to operator/target/process-logs/. */
public final class OperatorProcess {
  private OperatorProcess() {}

  /** C1 only: the tests' operators live for seconds, and start faster without the C2 compiler. */
  public static Process start(Path kubeconfig, String logName, Map<String, String> env, String... args) throws IOException {
    return start(List.of("-XX:TieredStopAtLevel=1"), kubeconfig, logName, env, args);
  }

  public static Process start(List<String> jvmFlags, Path kubeconfig, String logName, Map<String, String> env, String... args)
      throws IOException {
    Path jar = ControlPlane.root().resolve("operator/target/envprofile.jar");
    assertThat(jar).as("the jar (mvn package runs before the integration tests)").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-jar", jar.toString(), "run"));
    if (List.of(args).stream().noneMatch(a -> a.startsWith("--http-port"))) {
      cmd.add("--http-port=0");
    }
    cmd.addAll(List.of(args));
    if (List.of(args).stream().noneMatch(a -> a.startsWith("--policy"))) {
      cmd.add("--policy=" + Chart.testPolicyFile(ControlPlane.get()));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(logName).toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().remove("ENVPROFILE_TEST_HALT_AFTER");
    pb.environment().putAll(env);
    return pb.start();
  }

  public static Path log(String name) throws IOException {
    Path dir = ControlPlane.root().resolve("operator/target/process-logs");
    Files.createDirectories(dir);
    return dir.resolve(name + ".log");
  }
}
