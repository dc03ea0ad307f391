package dev.envprofile.engine.facts;

import dev.envprofile.engine.inventory.Workload;

/** Data volumes, stateful servers and their data directories, per workload. */
public final class StorageFacts {
  private StorageFacts() {}

  public static StorageFacts compute(Facts facts) {
    return new StorageFacts();
  }

  /**
   * Stateful: has a data volume (data emptyDir, hostPath, PVC, volumeClaimTemplates) or runs a
   * well-known stateful server (by image or port). Stateful workloads are never scaled.
   */
  public boolean isStateful(Workload w) {
    return false;
  }

  /** The well-known server a workload runs ("postgres", "redis", ...), or null. */
  public String serverKind(Workload w) {
    return null;
  }
}
