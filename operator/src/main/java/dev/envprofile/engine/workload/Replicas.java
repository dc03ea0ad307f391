package dev.envprofile.engine.workload;

import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Workload;

/**
 * The one predicate every replica decision reads (scaling, budgets, spread, autoscalers, and the
 * checks that measure them): never scale what cannot be proved stateless.
 */
public final class Replicas {
  private Replicas() {}

  /**
   * Whether more replicas of the workload are more of the same service: not stateful (data
   * volumes, well-known stateful servers), not a server that keeps state in memory, not a test
   * tool, not a StatefulSet (its kind says its pods have identity: a custom database the engine
   * does not recognise is one), and no emptyDir that may hold data nobody declared.
   */
  public static boolean scalable(Workload w, Facts facts) {
    return !facts.storage().isStateful(w) && !(w.object() instanceof io.fabric8.kubernetes.api.model.apps.StatefulSet)
        && facts.storage().undeclaredEmptyDirs(w).isEmpty()
        && InMemoryServers.of(w, facts) == null && TestTools.of(w) == null;
  }

  /** The replicas the workload runs at a tier whose minimum is {@code min}: raised only when scalable. */
  public static int target(Workload w, Facts facts, int min) {
    int now = w.replicas() == null ? 0 : w.replicas();
    return now > 0 && scalable(w, facts) ? Math.max(now, min) : now;
  }

  /**
   * Runs (or will run at the tier's minimum) more than one interchangeable pod: what disruption
   * budgets and topology spread are for. Servers that keep state in memory and test tools never
   * are, whatever their replica count: their pods are not copies of one service.
   */
  public static boolean replicated(Workload w, Facts facts, int min) {
    if (!w.isLongRunning() || w.replicas() == null || w.replicas() == 0) {
      return false;
    }
    if (InMemoryServers.of(w, facts) != null || TestTools.of(w) != null) {
      return false;
    }
    return target(w, facts, min) > 1;
  }

  /**
   * What a replicated workload runs, for messages: "runs 3 replicas", or, for one that production
   * scales up, "will run 3 replicas in production (runs 1 now)": a budget or spread for a workload
   * of one pod reads as a mistake unless the message says why.
   */
  public static String describe(Workload w, Facts facts, int min) {
    int now = w.replicas() == null ? 0 : w.replicas();
    int target = target(w, facts, min);
    return target > now ? "will run " + target + " replicas in production (runs " + now + " now)" : "runs " + now + " replicas";
  }
}
