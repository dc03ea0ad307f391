package dev.envprofile.engine.rewrite;

/**
 * One concern of a promotion (credentials, workloads, storage, network, TLS, disruption). Each
 * reads {@link WorkingSet#inventory()} and {@link WorkingSet#facts()}, mutates or generates
 * objects, and records what it did. Must be idempotent: applied to its own output it changes
 * nothing.
 */
public interface Rewrite {
  void apply(WorkingSet ws);
}
