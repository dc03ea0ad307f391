package dev.envprofile.operator.reconciler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-profile gauges, each {namespace,profile}, registered at the profile's first reconcile
 * and removed with the profile: envprofile_parity_percent and envprofile_parity_target_percent (at
 * the first audit), envprofile_profile_degraded (1 while the phase is Degraded). A deleted profile's
 * series must not stay at its last value or read 0: either would fire an alert for a namespace
 * nobody manages. The chart's alert rules and dashboard use these names (ChartMonitoringTest).
 */
final class ParityGauges {
  static final String NAME = "envprofile_parity_percent";
  static final String TARGET = "envprofile_parity_target_percent";
  static final String DEGRADED = "envprofile_profile_degraded";

  private final MeterRegistry registry;
  private final Map<String, Entry> gauges = new ConcurrentHashMap<>();

  private record Entry(AtomicInteger value, Gauge gauge) {}

  ParityGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String namespace, String profile, int percent) {
    set(NAME, "Parity of the namespace with production, in percent", namespace, profile, percent);
  }

  void record(String namespace, String profile, int percent, int target) {
    record(namespace, profile, percent);
    set(TARGET, "The profile's parity target, in percent", namespace, profile, target);
  }

  void degraded(String namespace, String profile, boolean degraded) {
    set(DEGRADED, "1 while the profile's phase is Degraded (a reconcile could not finish), else 0", namespace, profile,
        degraded ? 1 : 0);
  }

  private void set(String name, String description, String namespace, String profile, int value) {
    gauges.computeIfAbsent(name + "|" + namespace + "/" + profile, k -> {
      AtomicInteger v = new AtomicInteger(value);
      Gauge gauge = Gauge.builder(name, v, AtomicInteger::get)
          .tag("namespace", namespace).tag("profile", profile)
          .description(description).register(registry);
      return new Entry(v, gauge);
    }).value().set(value);
  }

  /** Removes the profile's gauges from the registry: the series end, they do not drop to 0. */
  void remove(String namespace, String profile) {
    for (String name : List.of(NAME, TARGET, DEGRADED)) {
      Entry e = gauges.remove(name + "|" + namespace + "/" + profile);
      if (e != null) {
        registry.remove(e.gauge());
      }
    }
  }
}
