package dev.envprofile.it.support;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One real control plane per test run: started by operator/src/test/cluster/up.sh on first use and
 * stopped when the JVM exits. With ENVPROFILE_KUBECONFIG set, an already running one is used (and
 * left running). Missing binaries fail the tests with the command that builds them: the tier never
 * skips.
 */
public final class ControlPlane {
  private static ControlPlane instance;

  private final Path dir;
  private final Path kubeconfig;
  private final KubernetesClient client;
  private final TestProvisioner provisioner;

  private ControlPlane(Path dir, Path kubeconfig) {
    this.dir = dir;
    this.kubeconfig = kubeconfig;
    this.client = clientFor(kubeconfig);
    this.provisioner = new TestProvisioner(client);
    provisioner.start();
  }

  public static synchronized ControlPlane get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  public static Path root() {
    String r = System.getProperty("envprofile.root");
    Path p = r != null ? Path.of(r) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("operator/src/test/cluster/up.sh"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new AssertionError("cannot find the project root (operator/src/test/cluster/up.sh)");
    }
    return p.toAbsolutePath().normalize();
  }

  private static ControlPlane start() {
    String external = System.getenv("ENVPROFILE_KUBECONFIG");
    if (external != null && !external.isBlank()) {
      Path kc = Path.of(external);
      return new ControlPlane(kc.getParent(), kc);
    }
    Path root = root();
    Path dir = Path.of(System.getProperty("envprofile.clusterDir", root.resolve("operator/target/it-cluster").toString()));
    Path script = root.resolve("operator/src/test/cluster/up.sh");
    Path log = dir.resolveSibling(dir.getFileName() + "-up.log");
    try {
      Files.createDirectories(dir);
      Process p = new ProcessBuilder("bash", script.toString(), dir.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the test control plane did not start within 5 minutes; see " + log);
      }
      String out = Files.readString(log, StandardCharsets.UTF_8).strip();
      if (p.exitValue() == 2) {
        throw new AssertionError("test control plane binaries are missing: run `make cluster-bins` (" + out + ")");
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("the test control plane did not start (exit " + p.exitValue() + "): " + out);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot start the test control plane: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while starting the test control plane", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, dir)));
    return new ControlPlane(dir, dir.resolve("kubeconfig"));
  }

  private static void stop(Path root, Path dir) {
    try {
      if (instance != null) {
        instance.provisioner.close();
        instance.client.close();
      }
      new ProcessBuilder("bash", root.resolve("operator/src/test/cluster/down.sh").toString(), dir.toString())
          .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // the JVM is exiting: nothing left to report to
    }
  }

  public static KubernetesClient clientFor(Path kubeconfig) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      config.setRequestTimeout(30_000);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + kubeconfig + ": " + e.getMessage(), e);
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Runs the control plane's kubectl against it; returns its standard output. */
  public String kubectl(String... args) {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(kubeconfig.resolveSibling("kubectl").toString());
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.addAll(java.util.List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new AssertionError("kubectl: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Kills a component (etcd, kube-apiserver) and starts it again after {@code down} seconds; returns once the API serves. */
  public void restart(String component, int down) {
    Path script = root().resolve("operator/src/test/cluster/restart.sh");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), dir.toString(), component, Integer.toString(down))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("restarting " + component + " failed: " + out);
      }
    } catch (IOException e) {
      throw new AssertionError("restarting " + component + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public AuditLog auditLog() {
    return new AuditLog(dir.resolve("audit.log"));
  }
}
