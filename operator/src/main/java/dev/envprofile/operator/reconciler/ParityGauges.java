package dev.envprofile.operator.reconciler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * envprofile_parity_percent{namespace,profile}: one gauge per profile, registered at its first
 * audit and removed with the profile. A deleted profile's gauge must not stay at its last value
 * or read 0: either would fire a "parity below target" alert for a namespace nobody manages.
 */
final class ParityGauges {
  static final String NAME = "envprofile_parity_percent";

  private final MeterRegistry registry;
  private final Map<String, Entry> gauges = new ConcurrentHashMap<>();

  private record Entry(AtomicInteger value, Gauge gauge) {}

  ParityGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String namespace, String profile, int percent) {
    gauges.computeIfAbsent(namespace + "/" + profile, k -> {
      AtomicInteger value = new AtomicInteger(percent);
      Gauge gauge = Gauge.builder(NAME, value, AtomicInteger::get)
          .tag("namespace", namespace).tag("profile", profile)
          .description("Parity of the namespace with production, in percent").register(registry);
      return new Entry(value, gauge);
    }).value().set(percent);
  }

  /** Removes the profile's gauge from the registry: the series ends, it does not drop to 0. */
  void remove(String namespace, String profile) {
    Entry e = gauges.remove(namespace + "/" + profile);
    if (e != null) {
      registry.remove(e.gauge());
    }
  }
}
