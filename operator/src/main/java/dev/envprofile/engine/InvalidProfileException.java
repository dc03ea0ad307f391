package dev.envprofile.engine;

import java.util.List;

/** A profile the CRD schema accepts but the engine cannot use; each problem names its field. */
public final class InvalidProfileException extends RuntimeException {
  private final List<String> problems;

  public InvalidProfileException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
