package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envprofile completion bash|zsh: the script completes commands, options and option values in a real bash. */
class CliCompletionTest {
  @TempDir
  Path dir;

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    Cli.Run run = Cli.run("completion", "bash");
    assertThat(run.exit()).as(run.err()).isZero();
    Path script = dir.resolve("envprofile.bash");
    Files.writeString(script, run.out());
    assertThat(complete(script, "envprofile aud")).isEqualTo("audit");
    assertThat(complete(script, "envprofile pro")).isEqualTo("promote");
    assertThat(complete(script, "envprofile audit --fail")).isEqualTo("--fail-under --fail-on");
    assertThat(complete(script, "envprofile audit --fail-on w")).isEqualTo("warning");
    assertThat(complete(script, "envprofile audit -o ")).isEqualTo("json table sarif junit html");
    assertThat(complete(script, "envprofile promote --nam")).isEqualTo("--namespace");
  }

  @Test
  void zshGetsTheSameScriptWhichLoadsBashcompinitItself() {
    Cli.Run zsh = Cli.run("completion", "zsh");
    assertThat(zsh.exit()).isZero();
    assertThat(zsh.out()).contains("bashcompinit").endsWith(Cli.run("completion").out());
    assertThat(Cli.run("completion", "fish").exit()).isEqualTo(Main.BAD_INPUT);
  }

  /** What bash offers for {@code line} (the cursor at its end), as a shell with the script sourced would. */
  private String complete(Path script, String line) throws IOException, InterruptedException {
    Path driver = dir.resolve("complete.sh");
    Files.writeString(driver, """
        source "$1"
        COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$COMP_LINE"
        if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
        _complete_envprofile 2>/dev/null
        echo "${COMPREPLY[*]}"
        """);
    Process p = new ProcessBuilder("bash", driver.toString(), script.toString(), line).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
