package dev.envprofile.engine.report;

import dev.envprofile.engine.model.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The areas a profile's status reports as conditions (StorageReady, ...) and which check ids each
 * covers. The operator's conditions and plan summary and the CLI's HTML report share them; checks in
 * no area (images, config, promotion) are "other" in the report and in no condition.
 */
public final class Areas {
  /** Condition types, in the order status and reports list them. */
  public static final List<String> ORDER = List.of("StorageReady", "SecretsReady", "NetworkReady", "TLSReady",
      "WorkloadsReady");

  /** Condition type to the check ids it covers. */
  public static final Map<String, Predicate<String>> BY_CONDITION = Map.of(
      "StorageReady", id -> id.equals("storage.ephemeral-data"),
      "SecretsReady", id -> id.equals("security.secrets-in-configmap") || id.equals("security.secrets-in-env"),
      "NetworkReady", id -> id.equals("security.network-policy"),
      "TLSReady", id -> id.equals("security.tls"),
      "WorkloadsReady", id -> id.startsWith("workload.") || id.equals("images.pull-policy")
          || id.equals("security.pod-security") || id.equals("security.service-account-token"));

  /** The report's name of the checks in no area. */
  public static final String OTHER = "other";

  private Areas() {}

  /** "StorageReady" to "storage", as reports name an area. */
  public static String label(String condition) {
    return condition.equals("TLSReady") ? "TLS" : condition.substring(0, condition.length() - "Ready".length())
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** The area label of a check id: "storage", ..., or {@link #OTHER}. */
  public static String of(String checkId) {
    for (String condition : ORDER) {
      if (BY_CONDITION.get(condition).test(checkId)) {
        return label(condition);
      }
    }
    return OTHER;
  }

  /**
   * One area's parity: the report's formula (weighted passed over weighted counted results) on the
   * area's checks only; {@code parity} is null when the area has no counted result.
   */
  public record Score(String area, Integer parity, int passed, int failed) {}

  /** Each area in order, then {@link #OTHER} when it holds any counted result. */
  public static List<Score> scores(Report report) {
    Map<String, long[]> weights = new LinkedHashMap<>();
    ORDER.forEach(c -> weights.put(label(c), new long[4]));
    weights.put(OTHER, new long[4]);
    for (CheckResult r : report.results()) {
      if (!r.check().counted() || r.accepted()) { // accepted failures are out of parity, here too
        continue;
      }
      long[] w = weights.get(of(r.check().id()));
      w[r.passed() ? 0 : 1] += r.check().weight();
      w[r.passed() ? 2 : 3]++;
    }
    List<Score> out = new ArrayList<>();
    weights.forEach((area, w) -> {
      long total = w[0] + w[1];
      if (area.equals(OTHER) && total == 0) {
        return;
      }
      out.add(new Score(area, total == 0 ? null : (int) (w[0] * 100 / total), (int) w[2], (int) w[3]));
    });
    return out;
  }
}
