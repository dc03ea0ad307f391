package dev.envprofile.operator;

import dev.envprofile.operator.reconciler.RevertLogStore;
import java.util.List;

/**
 * What `envprofile run` was asked for. {@code httpPort} serves /metrics, {@code probePort}
 * /healthz and /readyz (0: on the metrics port; both 0: no HTTP at all). {@code operatorNamespace}
 * keeps the revert logs (null: POD_NAMESPACE, else the ServiceAccount's namespace, else
 * envprofile-system). {@code engineDeadlineSeconds} bounds one namespace's engine computation.
 * {@code policyFile} is the administrator's policy (null: the default policy, docs/security.md);
 * with {@code namespaceOptIn} profiles act only in namespaces labelled envprofile.dev/enabled=true,
 * in {@code enabledNamespaces} or in {@code namespaces}.
 */
public record OperatorOptions(List<String> namespaces, int httpPort, int probePort, boolean leaderElection,
                              String leaseNamespace, String operatorNamespace, String logLevel, String logFormat,
                              long resyncSeconds, long engineDeadlineSeconds, String policyFile,
                              boolean namespaceOptIn, List<String> enabledNamespaces) {
  public static final long DEFAULT_ENGINE_DEADLINE_SECONDS = 60;

  public static OperatorOptions forTests(List<String> namespaces) {
    return new OperatorOptions(namespaces, 0, 0, false, null, RevertLogStore.DEFAULT_NAMESPACE, "INFO", "text", 600,
        DEFAULT_ENGINE_DEADLINE_SECONDS, null, true, List.of());
  }

  public OperatorOptions withEngineDeadlineSeconds(long seconds) {
    return new OperatorOptions(namespaces, httpPort, probePort, leaderElection, leaseNamespace, operatorNamespace,
        logLevel, logFormat, resyncSeconds, seconds, policyFile, namespaceOptIn, enabledNamespaces);
  }

  /** The same options with the policy read from {@code file} (null: the default policy). */
  public OperatorOptions withPolicyFile(String file) {
    return new OperatorOptions(namespaces, httpPort, probePort, leaderElection, leaseNamespace, operatorNamespace,
        logLevel, logFormat, resyncSeconds, engineDeadlineSeconds, file, namespaceOptIn, enabledNamespaces);
  }

  /** The namespace of the revert logs: given, else the pod's (downward API or token mount), else the default. */
  public String resolvedOperatorNamespace() {
    if (operatorNamespace != null && !operatorNamespace.isBlank()) {
      return operatorNamespace;
    }
    String env = System.getenv("POD_NAMESPACE");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      return java.nio.file.Files.readString(
          java.nio.file.Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return RevertLogStore.DEFAULT_NAMESPACE;
    }
  }
}
