package dev.envprofile.engine.checks.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code storage.replication}. */
public final class ReplicationCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("storage.replication", Severity.WARNING, Fix.NO,
      "A stateful workload runs one replica: scaling a single-node database does not replicate its data.",
      "Nothing: replication needs the server's own clustering (an operator, a replicated chart).",
      "StatefulSet/postgres with 1 replica");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    // TODO implement
  }
}
