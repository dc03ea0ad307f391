package dev.envprofile.engine.checks.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Workload;

/** Which workloads run (or will run, at production's minimum) more than one replica. */
final class Replicated {
  private Replicated() {}

  static boolean replicated(Workload w, Facts facts, Settings settings) {
    if (w.replicas() == null || w.replicas() == 0) {
      return false;
    }
    int replicas = facts.storage().isStateful(w) ? w.replicas() : Math.max(w.replicas(), settings.production().minReplicas());
    return replicas > 1;
  }
}
