package dev.envprofile.engine.facts;

/** Data volumes, stateful servers and their data directories, per workload. */
public final class StorageFacts {
  private StorageFacts() {}

  public static StorageFacts compute(Facts facts) {
    return new StorageFacts();
  }
}
