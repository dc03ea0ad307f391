package dev.envprofile.cli;

import dev.envprofile.operator.OperatorMain;
import dev.envprofile.operator.OperatorOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the operator against the current kubeconfig or in-cluster config.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--namespaces", split = ",", paramLabel = "NS",
      description = "Watch only these namespaces (default: all).")
  List<String> namespaces;

  @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT",
      description = "Port of /metrics (and of the probes when --probe-port is 0; 0 disables).")
  int httpPort;

  @Option(names = "--probe-port", defaultValue = "0", paramLabel = "PORT",
      description = "Port of /healthz and /readyz, apart from /metrics (default 0: on --http-port).")
  int probePort;

  @Option(names = "--operator-namespace", paramLabel = "NS",
      description = "Namespace that keeps the revert logs (default: POD_NAMESPACE, else the pod's, else envprofile-system).")
  String operatorNamespace;

  @Option(names = "--engine-deadline", defaultValue = "60", paramLabel = "SECONDS",
      description = "Longest one namespace's promotion may compute; past it the profile is Degraded.")
  long engineDeadlineSeconds;

  @Option(names = "--leader-election", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Take a Lease before reconciling, so that only one replica writes (default on).")
  boolean leaderElection;

  @Option(names = "--lease-namespace", paramLabel = "NS",
      description = "Namespace of the leader election Lease (default: the pod's namespace, else default).")
  String leaseNamespace;

  @Option(names = "--log-level", defaultValue = "INFO", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN or ERROR.")
  String logLevel;

  @Option(names = "--log-format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
  String logFormat;

  @Option(names = "--resync", defaultValue = "600", paramLabel = "SECONDS",
      description = "Reconcile every profile at least this often, besides watch events.")
  long resyncSeconds;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "The administrator's policy (YAML: secret stores, issuers, storage classes, egress CIDRs, peer namespaces); re-read when it changes. Default: the built-in safe policy (docs/security.md).")
  String policyFile;

  @Option(names = "--namespace-opt-in", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Act only in namespaces labelled envprofile.dev/enabled=true, listed in --enabled-namespaces or watched with --namespaces (default).")
  boolean namespaceOptIn;

  @Option(names = "--enabled-namespaces", split = ",", paramLabel = "NS",
      description = "Namespaces enabled without the label.")
  List<String> enabledNamespaces;

  @Override
  public Integer call() {
    return OperatorMain.run(new OperatorOptions(namespaces == null ? List.of() : namespaces, httpPort, probePort,
        leaderElection, leaseNamespace, operatorNamespace, logLevel, logFormat, resyncSeconds, engineDeadlineSeconds,
        policyFile, namespaceOptIn, enabledNamespaces == null ? List.of() : enabledNamespaces));
  }
}
