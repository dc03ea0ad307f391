package dev.envprofile.engine.report;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.Acceptance;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns check results into a {@link Report}: order, parity, masking. */
public final class ReportBuilder {
  static final Comparator<CheckResult> FINDING_ORDER = Comparator
      .comparing((CheckResult r) -> r.check().severity())
      .thenComparing(r -> r.check().id())
      .thenComparing(CheckResult::object);

  private static final int PARALLEL_FROM = 2_000;

  private ReportBuilder() {}

  public static Report build(Settings settings, List<CheckResult> raw, Redactor redactor) {
    return build(settings, raw, redactor, Acceptances.none());
  }

  /** {@code acceptances}: accepted failures leave parity's denominator (docs/parity.md) and stay in the results. */
  public static Report build(Settings settings, List<CheckResult> raw, Redactor redactor, Acceptances acceptances) {
    Map<String, Integer> rank = new java.util.HashMap<>();
    for (CheckInfo info : Catalog.infos()) {
      rank.put(info.id(), rank.size());
    }
    // Masking is a quarter of a large audit and each message is independent: both cores take part
    // (the matcher is read-only; the encounter order, and so the output, stays the same).
    var masking = raw.size() >= PARALLEL_FROM ? raw.parallelStream() : raw.stream();
    List<CheckResult> results = new ArrayList<>(masking.map(r -> r.passed() || r.message().isEmpty() ? r
        : r.withMessage(redactor.mask(r.message()))).toList());
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      Acceptance a = acceptances.find(r);
      if (a != null) {
        // The reason is the user's text, shown as given: masked like any message all the same.
        results.set(i, r.withAcceptance(new Acceptance(a.source(), redactor.mask(a.reason()), a.expires(), a.expired())));
      }
    }
    // Catalog order, then object order within a check; grouping avoids a map lookup per comparison.
    Map<Integer, List<CheckResult>> byCheck = new java.util.TreeMap<>();
    for (CheckResult r : results) {
      byCheck.computeIfAbsent(rank.getOrDefault(r.check().id(), Integer.MAX_VALUE), k -> new ArrayList<>()).add(r);
    }
    results.clear();
    for (List<CheckResult> group : byCheck.values()) {
      group.sort(Comparator.comparing(CheckResult::object)); // stable: equal objects keep the check's order
      results.addAll(group);
    } // stable: equal keys keep the checks' own order
    // Pairs are counted one by one (status.checks); parity weighs them by their check's weight.
    int passed = 0;
    int failed = 0;
    int accepted = 0;
    long passedWeight = 0;
    long failedWeight = 0;
    Map<ObjectRef, long[]> perObject = new LinkedHashMap<>();
    for (CheckResult r : results) {
      if (r.accepted()) {
        accepted++;
        if (r.check().counted()) {
          perObject.computeIfAbsent(r.object(), k -> new long[2]); // an object whose failures are all accepted is at 100
        }
        continue; // accepted failures are out of the denominator
      }
      if (!r.check().counted()) {
        continue; // info checks describe
      }
      int weight = r.check().weight();
      long[] c = perObject.computeIfAbsent(r.object(), k -> new long[2]);
      if (r.passed()) {
        passed++;
        passedWeight += weight;
        c[0] += weight;
      } else {
        failed++;
        failedWeight += weight;
        c[1] += weight;
      }
    }
    Map<ObjectRef, Integer> objectParity = new LinkedHashMap<>();
    perObject.forEach((ref, c) -> objectParity.put(ref, percent(c[0], c[0] + c[1])));
    return new Report(settings.tier(), percent(passedWeight, passedWeight + failedWeight), settings.parityTarget(),
        passed, failed, List.copyOf(results), objectParity, accepted, acceptances.notes());
  }

  /** Integer percentage, rounded down so that one failure never shows as 100. */
  static int percent(long passed, long total) {
    return total == 0 ? 100 : (int) ((passed * 100L) / total);
  }
}
