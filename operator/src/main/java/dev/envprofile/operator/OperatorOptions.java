package dev.envprofile.operator;

import java.util.List;

/** What `envprofile run` was asked for. */
public record OperatorOptions(List<String> namespaces, int httpPort, boolean leaderElection, String leaseNamespace,
                              String logLevel, String logFormat, long resyncSeconds) {
  public static OperatorOptions forTests(List<String> namespaces) {
    return new OperatorOptions(namespaces, 0, false, null, "INFO", "text", 600);
  }
}
