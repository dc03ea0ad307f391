package dev.envprofile.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code envprofile completion bash|zsh}: the shell completion script picocli generates from the
 * commands and options themselves, so it can never list an option that does not exist.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Prints a completion script for bash or zsh: source <(envprofile completion bash).")
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  @Parameters(index = "0", arity = "0..1", defaultValue = "bash", paramLabel = "SHELL", description = "bash (the default) or zsh.")
  Shell shell;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    // picocli's script serves both: under zsh it loads bashcompinit itself.
    String script = AutoComplete.bash("envprofile", spec.parent().commandLine());
    var out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      out.print("# zsh: source this from ~/.zshrc (source <(envprofile completion zsh)); it loads bashcompinit\n");
    }
    out.print(script);
    out.flush();
    return Main.OK;
  }
}
