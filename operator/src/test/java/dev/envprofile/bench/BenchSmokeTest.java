package dev.envprofile.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark from rotting: its setup and both operations run once in `make test`. */
class BenchSmokeTest {
  @Test
  void benchmarkRunsOnce() {
    EngineBenchmark b = new EngineBenchmark();
    b.size = 60;
    b.setUp();
    assertThat(b.audit().report().results()).isNotEmpty();
    assertThat(b.promote().objects()).isNotEmpty();
  }
}
