package dev.envprofile.testing;

import dev.envprofile.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures exit code, stdout and stderr. */
public final class Cli {
  public record Run(int exit, String out, String err) {}

  private Cli() {}

  public static Run run(String... args) {
    return runWithStdin("", args);
  }

  public static Run runWithStdin(String stdin, String... args) {
    return runOnWithStdin(dev.envprofile.cli.Terminal.PIPE, stdin, args);
  }

  /** As on a terminal described by {@code terminal} (stdout, stderr, columns, NO_COLOR). */
  public static Run runOn(dev.envprofile.cli.Terminal terminal, String... args) {
    return runOnWithStdin(terminal, "", args);
  }

  public static Run runOnWithStdin(dev.envprofile.cli.Terminal terminal, String stdin, String... args) {
    return runWithEnv(terminal, stdin, System.getenv(), args);
  }

  /** With the environment the command reads (PATH for -k's kubectl, KUBECONFIG and HOME for --namespace). */
  public static Run runWithEnv(java.util.Map<String, String> env, String... args) {
    return runWithEnv(dev.envprofile.cli.Terminal.PIPE, "", env, args);
  }

  private static Run runWithEnv(dev.envprofile.cli.Terminal terminal, String stdin, java.util.Map<String, String> env,
                                String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, env);
    return new Run(code, out.toString(), err.toString());
  }
}
