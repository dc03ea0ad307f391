package dev.envprofile.engine.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
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
    for (Workload w : inventory.workloads()) {
      if (w.replicas() == null || !facts.storage().isStateful(w)) {
        continue;
      }
      if (w.replicas() > 1) {
        out.add(CheckResult.pass(INFO, inventory.refOf(w)));
      } else {
        String kind = facts.storage().serverKind(w);
        out.add(CheckResult.fail(INFO, inventory.refOf(w), false, w + " is stateful" + (kind == null ? "" : " (" + kind + ")")
            + " and runs one replica: an outage or a node drain stops it, and more replicas would be separate copies,"
            + " not replicas; use the server's own replication"));
      }
    }
  }
}
