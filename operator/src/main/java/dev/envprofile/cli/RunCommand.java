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
      description = "Port of /healthz, /readyz and /metrics (0 disables).")
  int httpPort;

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

  @Override
  public Integer call() {
    return OperatorMain.run(new OperatorOptions(namespaces == null ? List.of() : namespaces, httpPort, leaderElection,
        leaseNamespace, logLevel, logFormat, resyncSeconds));
  }
}
