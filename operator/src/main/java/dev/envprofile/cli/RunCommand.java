package dev.envprofile.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the operator against the current kubeconfig or in-cluster config.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return dev.envprofile.operator.OperatorMain.run();
  }
}
