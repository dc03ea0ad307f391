package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kubectl-envprofile, the kubectl plugin: linked onto PATH, it runs the launcher beside it with
 * the same arguments; bin/envprofile, linked onto PATH, still finds the jar of its checkout.
 */
class KubectlPluginTest {
  private static final Path BIN = Samples.ROOT.getParent().resolve("bin");

  @TempDir
  Path dir;

  @Test
  void thePluginLinkedOntoPathRunsTheLauncherBesideItWithTheSameArguments() throws Exception {
    Path install = Files.createDirectories(dir.resolve("checkout/bin"));
    Files.copy(BIN.resolve("kubectl-envprofile"), install.resolve("kubectl-envprofile"), StandardCopyOption.COPY_ATTRIBUTES);
    Path launcher = install.resolve("envprofile");
    Files.writeString(launcher, "#!/bin/sh\necho \"launcher: $*\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path onPath = Files.createDirectories(dir.resolve("path"));
    Files.createSymbolicLink(onPath.resolve("kubectl-envprofile"), install.resolve("kubectl-envprofile"));

    assertThat(run(onPath.resolve("kubectl-envprofile"), Map.of(), "audit", "--namespace", "shop", "-o", "a b"))
        .isEqualTo("launcher: audit --namespace shop -o a b");
  }

  @Test
  void theLauncherLinkedOntoPathFindsTheJarOfItsCheckout() throws Exception {
    Path onPath = Files.createDirectories(dir.resolve("path"));
    Files.createSymbolicLink(onPath.resolve("envprofile"), BIN.resolve("envprofile"));
    // A fake java prints the jar it was given: the checkout's, not one beside the link.
    Path fakeJava = Files.createDirectories(dir.resolve("jdk")).resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\nwhile [ \"$1\" != -jar ]; do shift; done; echo \"jar: $2\"\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    String out = run(onPath.resolve("envprofile"), Map.of("PATH", fakeJava.getParent() + ":/usr/bin:/bin"), "--version");
    assertThat(out).isEqualTo("jar: " + BIN.getParent().toRealPath().resolve("operator/target/envprofile.jar"));
  }

  private static String run(Path exe, Map<String, String> env, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = exe.toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("ENVPROFILE_JAR");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
