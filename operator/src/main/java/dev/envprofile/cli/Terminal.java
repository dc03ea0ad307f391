package dev.envprofile.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI knows about where its output goes: whether stdout and stderr are terminals, the
 * terminal's width and whether colour is wanted. Tests pass one; {@link #detect()} asks the system.
 *
 * @param stdout stdout is a terminal: audit prints a table, not JSON
 * @param stderr stderr is a terminal: long runs show a progress line there
 * @param columns the width to fit a table to; 0 means unlimited (not a terminal)
 * @param noColor NO_COLOR is set (https://no-color.org), or TERM is dumb
 */
public record Terminal(boolean stdout, boolean stderr, int columns, boolean noColor) {
  /** Output into pipes or files: JSON, no colour, no width limit, no progress. */
  public static final Terminal PIPE = new Terminal(false, false, 0, false);
  static final int DEFAULT_COLUMNS = 80;

  public static Terminal detect() {
    return of(System.getenv(), isTerminal(1), isTerminal(2));
  }

  /** The width: COLUMNS when it is a number, else 80 on a terminal, else unlimited. */
  static Terminal of(Map<String, String> env, boolean stdout, boolean stderr) {
    int columns = 0;
    String c = env.get("COLUMNS");
    if (c != null && c.strip().matches("[0-9]{1,4}")) {
      columns = Integer.parseInt(c.strip());
    } else if (stdout) {
      columns = DEFAULT_COLUMNS;
    }
    String noColor = env.get("NO_COLOR");
    boolean off = (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
    return new Terminal(stdout, stderr, columns, off);
  }

  /** Whether ANSI colour goes to stdout under --color WHEN. */
  public boolean colour(String when) {
    return switch (when) {
      case "always" -> true;
      case "never" -> false;
      default -> stdout && !noColor;
    };
  }

  /**
   * Whether file descriptor 1 or 2 is a terminal. On Linux /proc names what the descriptor is
   * (a /dev/pts/N or /dev/ttyN device). Elsewhere the JDK's console: on Java 17 System.console()
   * is null unless stdin and stdout are terminals; from Java 22 it is never null and
   * Console.isTerminal() (looked up reflectively, Java 17 has no such method) says the same.
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      }
    } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
      // fall through to the console
    }
    return consoleIsTerminal(System.console());
  }

  static boolean consoleIsTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // Java 17..21: a console exists only when stdin and stdout are terminals
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
