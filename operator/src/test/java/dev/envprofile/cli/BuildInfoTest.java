package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envprofile --version: the version and commit the build wrote, and "unknown" where there is no checkout. */
class BuildInfoTest {
  @TempDir
  Path dir;

  @Test
  void versionPrintsTheBuildsVersionAndCommitNotDev() {
    Cli.Run run = Cli.run("--version");
    assertThat(run.exit()).isZero();
    // The build (process-classes) wrote target/classes/dev/envprofile/build.properties before the tests run.
    assertThat(run.out().strip()).matches("envprofile \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
    assertThat(BuildInfo.current().version()).isNotEqualTo("dev");
  }

  @Test
  void aTreeWithoutGitHasAnUnknownCommitAndTheBuildStepStillWritesTheFile() throws IOException {
    Path tarball = Files.createDirectories(dir.resolve("envprofile-0.1.0"));
    assertThat(BuildInfo.commit(tarball)).isEqualTo("unknown");
    Path file = dir.resolve("out/dev/envprofile/build.properties");
    BuildInfo.main(new String[] {file.toString(), "0.1.0", tarball.toString()});
    assertThat(Files.readString(file)).isEqualTo("version=0.1.0\ncommit=unknown\n");
  }

  @Test
  void aCheckoutGivesItsCommitAndDirtyWhenTrackedFilesChanged() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("a.txt"), "a");
    git(repo, "add", "a.txt");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a");
    String head = new String(new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short=12", "HEAD")
        .start().getInputStream().readAllBytes()).strip();
    assertThat(BuildInfo.commit(repo)).isEqualTo(head).matches("[0-9a-f]{12}");
    Files.writeString(repo.resolve("a.txt"), "b");
    assertThat(BuildInfo.commit(repo)).isEqualTo(head + "-dirty");
    // A tarball unpacked inside someone else's checkout is not that checkout's commit.
    Path unpacked = Files.createDirectories(repo.resolve("vendor/envprofile"));
    assertThat(BuildInfo.commit(unpacked)).isEqualTo("unknown");
  }

  @Test
  void classesWithoutBuildInformationSayDevAndUnknown() {
    BuildInfo none = new BuildInfo(null, "");
    assertThat(none.line()).isEqualTo("envprofile dev (commit unknown)");
  }

  private static void git(Path repo, String... args) throws Exception {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = repo.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }
}
