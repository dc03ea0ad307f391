package dev.envprofile.operator.reconciler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the engine's computation for one profile with a deadline, on threads of its own: a
 * namespace whose input makes the engine slow (or overflow its stack) costs its own profile a
 * Degraded status, never a reconcile thread of the other namespaces, never the process. The
 * engine does not poll interruption, so a computation past its deadline is abandoned, not killed:
 * its profile gets no second computation while the first still runs.
 *
 * <p>At most {@code maxThreads} computations run at once, abandoned ones included: each holds a
 * slot until its thread ends. A reconcile waits for a free slot (the engine is CPU work: more at
 * once would only share the cores), and its deadline counts from when its computation starts,
 * not from when it began to wait: a hundred profiles reconciled together on two cores all get
 * their result. Only when no slot frees within a deadline, because abandoned computations hold
 * them all, is the profile told the engine is busy.
 */
final class EngineRunner {
  /** Why a computation gave no result; the message names no value of the namespace. */
  static final class Failed extends RuntimeException {
    final String reason;

    Failed(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  /** The reason of a computation cut short because the operator stops: not a verdict on the profile. */
  static final String INTERRUPTED = "Interrupted";
  private static final int NOT_STARTED = 0;
  private static final int STARTED = 1;
  private static final int GIVEN_UP = 2;

  private final Duration deadline;
  private final Semaphore slots;
  private final ThreadPoolExecutor pool;
  /** Profiles whose computation runs now (until its thread ends, deadline or not). */
  private final Map<String, Object> running = new ConcurrentHashMap<>();

  EngineRunner(Duration deadline, int maxThreads) {
    this(deadline, maxThreads, task -> task);
  }

  /** {@code wrap} stands between a pool thread and its task: tests delay a thread's start with it. */
  EngineRunner(Duration deadline, int maxThreads, java.util.function.UnaryOperator<Runnable> wrap) {
    this.deadline = deadline;
    this.slots = new Semaphore(maxThreads, true);
    AtomicInteger n = new AtomicInteger();
    // Threads are bounded by the slots: a thread is only asked for while a slot is held.
    this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      // A deep but legitimate input needs more stack than a pool thread's default.
      Thread t = new Thread(null, wrap.apply(r), "envprofile-engine-" + n.incrementAndGet(), 16L << 20);
      t.setDaemon(true);
      return t;
    });
  }

  Duration deadline() {
    return deadline;
  }

  <T> T run(String profile, Callable<T> computation) {
    Object token = new Object();
    if (running.putIfAbsent(profile, token) != null) {
      throw new Failed("DeadlineExceeded", "the previous computation of this namespace is still running, past its "
          + deadline.toSeconds() + " s deadline");
    }
    Future<T> f;
    try {
      if (!slots.tryAcquire(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        running.remove(profile, token);
        throw new Failed("Busy", "every engine thread is busy with namespaces past their deadline; retrying");
      }
    } catch (InterruptedException e) {
      running.remove(profile, token);
      Thread.currentThread().interrupt();
      throw new Failed(INTERRUPTED, "the operator is stopping");
    }
    // Whoever moves it from NOT_STARTED frees the slot: the computation when it ends, or the caller
    // when its deadline passed before the computation even started (it then never starts).
    AtomicInteger phase = new AtomicInteger(NOT_STARTED);
    Runnable free = () -> {
      running.remove(profile, token);
      slots.release();
    };
    try {
      f = pool.submit(() -> {
        if (!phase.compareAndSet(NOT_STARTED, STARTED)) {
          return null;
        }
        try {
          return computation.call();
        } finally {
          free.run();
        }
      });
    } catch (RejectedExecutionException e) { // only after close()
      free.run();
      throw new Failed(INTERRUPTED, "the operator is stopping");
    }
    try {
      return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      if (phase.compareAndSet(NOT_STARTED, GIVEN_UP)) {
        free.run();
      }
      throw new Failed("DeadlineExceeded", "the promotion of this namespace took longer than its "
          + deadline.toSeconds() + " s deadline and was abandoned");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r && !(c instanceof Failed)) {
        throw r; // the reconciler reports it (an invalid profile, a bug) as before
      }
      throw new Failed("EngineFailed", "the engine failed on this namespace: " + c.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed(INTERRUPTED, "the operator is stopping");
    }
  }

  /** Whether a computation of {@code profile} still runs (past its deadline, if the caller gave up). */
  boolean running(String profile) {
    return running.containsKey(profile);
  }

  void close() {
    pool.shutdownNow();
  }
}
