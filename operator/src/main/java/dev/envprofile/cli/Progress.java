package dev.envprofile.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * One updating line on stderr for long runs ("envprofile: promoting 11762 objects... 14s"), on a
 * terminal only and only once a run has taken longer than {@link #AFTER_MS}: short runs and pipes
 * see nothing. The line is rewritten with a carriage return (no ANSI codes) and cleared on close,
 * so what follows on stderr starts on a clean line.
 */
final class Progress implements AutoCloseable {
  static final long AFTER_MS = 2000;
  static final long EVERY_MS = 250;

  private final PrintWriter err;
  private final int columns;
  private final long afterNanos;
  private final long start = System.nanoTime();
  private final Thread ticker;
  private volatile String phase = "";
  private volatile long done = -1;
  private volatile long total = -1;
  private int shown;

  private Progress(PrintWriter err, int columns, long afterMs, long everyMs) {
    this.err = err;
    this.columns = columns <= 0 ? Terminal.DEFAULT_COLUMNS : columns;
    this.afterNanos = TimeUnit.MILLISECONDS.toNanos(afterMs);
    this.ticker = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(everyMs);
          tick();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "envprofile-progress");
    ticker.setDaemon(true);
  }

  /** Progress on {@code err} when it is a terminal; otherwise one that prints nothing. */
  static Progress on(Terminal terminal, PrintWriter err) {
    return start(terminal.stderr() ? err : null, terminal.columns(), AFTER_MS, EVERY_MS);
  }

  static Progress start(PrintWriter err, int columns, long afterMs, long everyMs) {
    Progress p = new Progress(err, columns, afterMs, everyMs);
    if (err != null) {
      p.ticker.start();
    }
    return p;
  }

  void phase(String what) {
    phase(what, -1);
  }

  /** A phase of {@code total} steps (-1: uncounted). */
  void phase(String what, long total) {
    this.total = total;
    this.done = total < 0 ? -1 : 0;
    this.phase = what;
  }

  void step() {
    if (total >= 0) {
      done++;
    }
  }

  private synchronized void tick() {
    long elapsed = System.nanoTime() - start;
    if (elapsed < afterNanos || phase.isEmpty()) {
      return;
    }
    String line = Main.PREFIX + phase + (done >= 0 ? " " + done + "/" + total : "") + "... "
        + TimeUnit.NANOSECONDS.toSeconds(elapsed) + "s";
    if (line.length() > columns - 1) {
      line = line.substring(0, columns - 1);
    }
    err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    err.flush();
    shown = line.length();
  }

  /** Stops the ticker and clears the line, if one was shown. */
  @Override
  public void close() {
    ticker.interrupt();
    try {
      ticker.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (shown > 0) {
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
      }
    }
  }
}
