package dev.envprofile.cli;

/** Input the CLI cannot use; printed as one line "source:line: message" (no source: the message alone), exit code 2. */
public final class BadInputException extends RuntimeException {
  private final String source;
  private final int line;

  public BadInputException(String source, int line, String message) {
    super(message);
    this.source = source;
    this.line = line;
  }

  public String oneLine() {
    return source == null ? getMessage() : source + (line > 0 ? ":" + line : "") + ": " + getMessage();
  }
}
