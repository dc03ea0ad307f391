package dev.envprofile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code -k DIR}: the manifests {@code kubectl kustomize DIR} renders, read as -f reads a file. The
 * kubectl is the first of: {@code kubectl} on PATH, the one the project builds for its test
 * cluster (operator/target/cluster/kubectl, beside the jar). None found is one line saying what to do.
 */
final class Kustomize {
  /** A kustomization with remote bases can take a while; a hung kubectl must not hang CI forever. */
  private static final long TIMEOUT_SECONDS = 300;
  private static final int STDERR_KEPT = 4096;

  private Kustomize() {}

  /** The rendered text (read within the limit of one input); parsed by {@link Inputs} as a file is. */
  static String render(String dir, Map<String, String> env) {
    return run(dir, locate(dir, env, projectKubectl()));
  }

  /** How the rendered documents are named in messages and reports: no file of the user holds them as such. */
  static String source(String dir) {
    return "<kustomize " + dir + ">";
  }

  /** The kubectl to run, or bad input naming where it was looked for. */
  static Path locate(String dir, Map<String, String> env, Path project) {
    String path = env.getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, "kubectl");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    if (project != null && Files.isRegularFile(project) && Files.isExecutable(project)) {
      return project;
    }
    throw new BadInputException(dir, -1, "-k needs kubectl to render the kustomization, and none was found (on PATH"
        + (project == null ? "" : " or at " + project) + "): install kubectl, or render it yourself: "
        + "kustomize build " + dir + " | envprofile ... -f -");
  }

  /** operator/target/cluster/kubectl when running from operator/target/envprofile.jar (or target/classes). */
  private static Path projectKubectl() {
    try {
      Path code = Path.of(Kustomize.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent() == null ? null : code.getParent().resolve("cluster").resolve("kubectl");
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String run(String dir, Path kubectl) {
    if (!Files.isDirectory(Path.of(dir))) {
      throw new BadInputException(dir, -1, "no such directory (-k takes a directory holding a kustomization.yaml)");
    }
    Process p;
    try {
      p = new ProcessBuilder(kubectl.toString(), "kustomize", dir).redirectInput(ProcessBuilder.Redirect.from(
          new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new BadInputException(dir, -1, "cannot run " + kubectl + ": " + ManifestReader.firstLine(String.valueOf(e.getMessage())));
    }
    // stderr drained beside stdout, so that a chatty kubectl cannot block on a full pipe.
    List<byte[]> errBox = new ArrayList<>();
    Thread errReader = new Thread(() -> errBox.add(drain(p.getErrorStream(), STDERR_KEPT)), "kustomize-stderr");
    errReader.setDaemon(true);
    errReader.start();
    try {
      byte[] out = p.getInputStream().readNBytes((int) InputLimits.MAX_FILE_BYTES + 1);
      if (out.length > InputLimits.MAX_FILE_BYTES) {
        p.destroyForcibly();
        throw new BadInputException(source(dir), -1, "larger than " + InputLimits.mib(InputLimits.MAX_FILE_BYTES)
            + ", the most one input may hold: split the kustomization");
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new BadInputException(dir, -1, kubectl + " kustomize did not finish in " + TIMEOUT_SECONDS + " s");
      }
      errReader.join(TimeUnit.SECONDS.toMillis(5));
      if (p.exitValue() != 0) {
        String err = errBox.isEmpty() ? "" : new String(errBox.get(0), StandardCharsets.UTF_8).strip();
        throw new BadInputException(dir, -1, "kubectl kustomize failed (exit " + p.exitValue() + ")"
            + (err.isEmpty() ? "" : ": " + withoutLogHeader(ManifestReader.firstLine(err))));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(dir, -1, "cannot read kubectl's output: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BadInputException(dir, -1, "interrupted");
    }
  }

  /**
   * kubectl's error line without klog's header ({@code E1130 11:53:04.406458    4473 run.go:72] }):
   * a severity letter and four digits, then everything up to the first "] " within the first 80
   * characters. A scan, no regular expression.
   */
  static String withoutLogHeader(String line) {
    if (line.length() < 6 || "EWIF".indexOf(line.charAt(0)) < 0) {
      return line;
    }
    for (int i = 1; i <= 4; i++) {
      if (!Character.isDigit(line.charAt(i))) {
        return line;
      }
    }
    int end = line.indexOf("] ");
    return end > 0 && end < 80 ? line.substring(end + 2) : line;
  }

  /** The first {@code keep} bytes of a stream, reading (and dropping) the rest. */
  private static byte[] drain(InputStream in, int keep) {
    try (in) {
      byte[] head = in.readNBytes(keep);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return head;
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
