package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's computation per profile: a deadline, Errors caught, one namespace's slowness kept to itself. */
class EngineRunnerTest {

  @Test
  void aComputationPastItsDeadlineFailsItsProfileAndOthersKeepGoing() throws Exception {
    EngineRunner runner = new EngineRunner(Duration.ofMillis(300), 4);
    CountDownLatch release = new CountDownLatch(1);
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> runner.run("slow/p", () -> spin(release)))
          .isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo("DeadlineExceeded");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      // The abandoned computation still runs: its profile gets no second one meanwhile.
      assertThat(runner.running("slow/p")).isTrue();
      assertThatThrownBy(() -> runner.run("slow/p", () -> "again"))
          .isInstanceOf(EngineRunner.Failed.class).hasMessageContaining("still running");
      // Another namespace is not affected.
      assertThat(runner.run("other/p", () -> "done")).isEqualTo("done");
    } finally {
      release.countDown();
    }
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !runner.running("slow/p"));
    assertThat(runner.run("slow/p", () -> "recovered")).isEqualTo("recovered");
    runner.close();
  }

  /**
   * The scale benchmark's finding: 100 profiles reconciled at once on an engine of 4 threads made 96
   * of them Degraded ("Busy") and wrote a status and an Event for each. Callers beyond the slots
   * wait for one; at most the slots' number of computations run together; nobody is refused.
   */
  @Test
  void moreProfilesThanThreadsWaitForASlotAndAllGetTheirResult() throws Exception {
    EngineRunner runner = new EngineRunner(Duration.ofSeconds(5), 2);
    java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    var callers = java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String profile = "ns-" + i + "/p";
        results.add(callers.submit(() -> runner.run(profile, () -> {
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          Thread.sleep(50);
          now.decrementAndGet();
          return profile;
        })));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("ns-" + i + "/p");
      }
      assertThat(most.get()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
      runner.close();
    }
  }

  @Test
  void busyOnlyWhenAbandonedComputationsHoldEverySlotForADeadline() throws Exception {
    EngineRunner runner = new EngineRunner(Duration.ofMillis(200), 1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertThatThrownBy(() -> runner.run("slow/p", () -> spin(release)))
          .isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo("DeadlineExceeded");
      long start = System.nanoTime();
      assertThatThrownBy(() -> runner.run("other/p", () -> "done"))
          .isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo("Busy");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    } finally {
      release.countDown();
    }
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !runner.running("slow/p"));
    assertThat(runner.run("other/p", () -> "done")).isEqualTo("done");
    runner.close();
  }

  /** A stop interrupts reconciles waiting for a slot: the reason says so, and the reconciler writes nothing for it. */
  @Test
  void aCallerInterruptedWhileWaitingForASlotIsToldTheOperatorStops() throws Exception {
    EngineRunner runner = new EngineRunner(Duration.ofSeconds(30), 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Thread holder = new Thread(() -> runner.run("busy/p", () -> {
      started.countDown();
      return spin(release);
    }));
    holder.start();
    started.await(5, TimeUnit.SECONDS);
    java.util.concurrent.atomic.AtomicReference<Throwable> seen = new java.util.concurrent.atomic.AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        runner.run("waiting/p", () -> "never");
      } catch (Throwable t) {
        seen.set(t);
      }
    });
    waiter.start();
    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
    waiter.interrupt();
    waiter.join(5000);
    release.countDown();
    holder.join(5000);
    assertThat(seen.get()).isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo(EngineRunner.INTERRUPTED);
    assertThat(runner.running("waiting/p")).isFalse();
    runner.close();
  }

  /** A deadline that passes before the computation's thread even starts: the slot is freed once, the computation never runs. */
  @Test
  void aComputationAbandonedBeforeItStartedNeverRunsAndFreesItsSlot() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
    EngineRunner runner = new EngineRunner(Duration.ofMillis(200), 1, task -> () -> {
      if (first.getAndSet(false)) {
        try {
          Thread.sleep(600); // the first pool thread starts its task only after the deadline
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      task.run();
    });
    java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
    assertThatThrownBy(() -> runner.run("late/p", () -> {
      ran.set(true);
      return "late";
    })).isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo("DeadlineExceeded");
    assertThat(runner.running("late/p")).isFalse();
    // The one slot is free: the next computation runs at once instead of waiting a deadline for Busy.
    assertThat(runner.run("next/p", () -> "next")).isEqualTo("next");
    Thread.sleep(800);
    assertThat(ran.get()).as("the abandoned computation never ran").isFalse();
    assertThat(runner.run("again/p", () -> "again")).isEqualTo("again");
    runner.close();
  }

  @Test
  void aStackOverflowIsAFailureOfItsProfileNotOfTheProcess() {
    EngineRunner runner = new EngineRunner(Duration.ofSeconds(10), 2);
    assertThatThrownBy(() -> runner.run("deep/p", () -> recurse(0)))
        .isInstanceOf(EngineRunner.Failed.class).extracting("reason").isEqualTo("EngineFailed");
    assertThat(runner.run("deep/p", () -> "fine")).isEqualTo("fine");
    runner.close();
  }

  @Test
  void runtimeExceptionsReachTheReconcilerUnchanged() {
    EngineRunner runner = new EngineRunner(Duration.ofSeconds(10), 2);
    assertThatThrownBy(() -> runner.run("x/p", () -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    runner.close();
  }

  private static String spin(CountDownLatch release) throws InterruptedException {
    // Like a backtracking regex: ignores interruption, runs until released.
    while (release.getCount() > 0) {
      Thread.onSpinWait();
    }
    return "late";
  }

  private static int recurse(int n) {
    return recurse(n + 1) + 1;
  }
}
