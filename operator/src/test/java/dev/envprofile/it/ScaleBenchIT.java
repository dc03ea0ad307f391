package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.it.support.*;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keeps the operator's scale benchmark from rotting: the same run, three namespaces of three
 * workloads, with the goals that hold at any size asserted (all Promoted, a restart writes nothing).
 */
class ScaleBenchIT {
  @Test
  void aSmallScaleRunPromotesEverythingAndItsRestartWritesNothing() throws Exception {
    ScaleRun.Plan plan = new ScaleRun.Plan("scale-it", 3, 3, 0, 20, 0, Duration.ofMinutes(3));
    ScaleRun run = new ScaleRun(ControlPlane.get(), plan);
    try {
      ScaleResult r = run.run();
      System.out.println(r.table());
      assertThat(r.notPromoted()).as("profiles not Promoted").isEmpty();
      assertThat(r.workloads()).isEqualTo(9);
      assertThat(r.startToFirstReconcile()).as("start-up to the first reconcile").isNotNull().isPositive();
      assertThat(r.promotionWrites()).as("writes of the promotion").isPositive();
      assertThat(r.resyncedNamespaces()).as("namespaces reconciled after the restart").isEqualTo(3);
      assertThat(r.resyncWrites()).as("writes of the no-op resync after the restart").isZero();
      assertThat(r.heapAfterGcBytes()).as("heap after a full GC").isBetween(1L << 20, 128L << 20);
    } finally {
      run.cleanUp();
    }
  }
}
