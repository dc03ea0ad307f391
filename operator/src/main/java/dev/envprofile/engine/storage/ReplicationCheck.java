package dev.envprofile.engine.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;

/** {@code storage.replication}. */
public final class ReplicationCheck extends WorkloadCheck {
  public ReplicationCheck() {
    super(CheckInfo.of("storage.replication", Severity.WARNING, Fix.NO,
        "A stateful workload runs one replica: scaling a single-node database does not replicate its data.",
        "Nothing: replication needs the server's own clustering (an operator, a replicated chart).",
        "StatefulSet/postgres with 1 replica"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (w.replicas() == null || !facts.storage().isStateful(w)) {
      return notApplicable();
    }
    if (w.replicas() > 1) {
      return pass();
    } else {
      String kind = facts.storage().serverKind(w);
      return fail(false, w + " is stateful" + (kind == null ? "" : " (" + kind + ")")
          + " and runs one replica: an outage or a node drain stops it, and more replicas would be separate copies,"
          + " not replicas; use the server's own replication");
    }
  }
}
