package dev.envprofile.operator;

/** Entry point of {@code envprofile run}. The reconciler lands with the operator issue. */
public final class OperatorMain {
  private OperatorMain() {}

  public static int run() {
    System.err.println("envprofile run: the operator is not part of this build yet");
    return 1;
  }
}
