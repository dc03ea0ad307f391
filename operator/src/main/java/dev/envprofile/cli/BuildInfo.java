package dev.envprofile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The version and git commit the jar was built from ({@code envprofile --version}, SARIF's tool
 * version). The build writes them (process-classes, see operator/pom.xml) by running {@link #main};
 * a build without git, or from a tarball without .git, writes {@code unknown} and never fails.
 */
public final class BuildInfo {
  static final String RESOURCE = "/dev/envprofile/build.properties";
  static final String UNKNOWN = "unknown";

  private final String version;
  private final String commit;

  BuildInfo(String version, String commit) {
    this.version = version == null || version.isBlank() ? "dev" : version;
    this.commit = commit == null || commit.isBlank() ? UNKNOWN : commit;
  }

  /** What the jar was built from; "dev" and "unknown" when the build wrote nothing (an IDE's classes). */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no build information: "dev", "unknown"
    }
    return new BuildInfo(p.getProperty("version"), p.getProperty("commit"));
  }

  public String version() {
    return version;
  }

  public String commit() {
    return commit;
  }

  /** "envprofile 0.1.0 (commit 1a2b3c4)". */
  public String line() {
    return "envprofile " + version + " (commit " + commit + ")";
  }

  /**
   * Build step: {@code BuildInfo FILE VERSION PROJECT_ROOT} writes FILE with the version and the
   * commit of PROJECT_ROOT's checkout ("-dirty" when tracked files differ from it).
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    // Written by hand: Properties.store would add the date, and the same commit would give another jar.
    Files.writeString(file, "version=" + args[1] + "\ncommit=" + commit(Path.of(args[2])) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * The short commit of the checkout at {@code root}, or "unknown": no git, no checkout (a tarball),
   * or a checkout of another project around it (a tarball unpacked inside someone's repository).
   */
  static String commit(Path root) {
    try {
      String top = git(root, "rev-parse", "--show-toplevel");
      if (top == null || !Path.of(top).toRealPath().equals(root.toRealPath())) {
        return UNKNOWN;
      }
      String sha = git(root, "rev-parse", "--short=12", "HEAD");
      if (sha == null || sha.isEmpty()) {
        return UNKNOWN;
      }
      String changes = git(root, "status", "--porcelain", "--untracked-files=no");
      return changes == null || changes.isEmpty() ? sha : sha + "-dirty";
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** The trimmed stdout of a git command, or null when git is missing, fails or hangs. */
  private static String git(Path root, String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = root.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readNBytes(1 << 16);
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream()); // a long status must not block git
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
