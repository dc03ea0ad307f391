package dev.envprofile.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar envprofile.jar}: promote, audit and run. Exit codes are public (docs/cli.md, "Exit codes"). */
@Command(name = "envprofile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Brings a namespace's workloads to the shape of a tier (local, staging, production).",
    subcommands = {PromoteCommand.class, AuditCommand.class, RunCommand.class, CompletionCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
  /** Every message on stderr starts so: "envprofile: FILE:LINE: what is wrong" (docs/cli.md). */
  static final String PREFIX = "envprofile: ";
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_INPUT = 2;
  public static final int BELOW_TARGET = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Not autoflushing: promote streams tens of megabytes of YAML; execute flushes at the end.
    System.exit(execute(args, new PrintWriter(new java.io.BufferedWriter(
        new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16), false),
        new PrintWriter(System.err, true), System.in, Terminal.detect()));
  }

  /** Runs the command line with the given streams, as into pipes; returns the exit code. Never throws. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, java.io.InputStream in) {
    return execute(args, out, err, in, Terminal.PIPE);
  }

  /** Runs the command line with the given streams and terminal; returns the exit code. Never throws. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, java.io.InputStream in, Terminal terminal) {
    return execute(args, out, err, in, terminal, System.getenv());
  }

  /** As above with the environment that -k (PATH) and --namespace (KUBECONFIG, HOME) read: tests give their own. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, java.io.InputStream in, Terminal terminal,
                            java.util.Map<String, String> env) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommand() instanceof Streams s) {
        s.stdin(in);
        s.terminal(terminal);
        s.environment(env);
      }
    }
    cl.setParameterExceptionHandler((e, a) -> {
      err.println(line(UsageErrors.describe(e)));
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((e, c, r) -> {
      if (e instanceof BadInputException b) {
        err.println(line(b.oneLine()));
        return BAD_INPUT;
      }
      if (e instanceof LiveNamespace.ClusterReadException unreadable) {
        err.println(line(unreadable.getMessage()));
        return FAILURE;
      }
      err.println(line("internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + ManifestReader.firstLine(e.getMessage()))));
      return FAILURE;
    });
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(line(UsageErrors.noCommand(spec)));
    return BAD_INPUT;
  }

  /**
   * One line of stderr in the CLI's style: the prefix, then the message with control characters
   * (a newline in a file name or an argument) shown as '?', so that it stays one line.
   */
  static String line(String message) {
    StringBuilder sb = new StringBuilder(PREFIX.length() + message.length()).append(PREFIX);
    message.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return sb.toString();
  }

  /** Commands that read stdin get it from {@link #execute}, so tests can feed it. */
  interface Streams {
    void stdin(java.io.InputStream in);

    /** Where stdout and stderr go: a table or JSON, colour, width, progress. */
    default void terminal(Terminal terminal) {}

    /** The process environment (PATH, KUBECONFIG, HOME). */
    default void environment(java.util.Map<String, String> env) {}
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.current().line()};
    }
  }
}
