package dev.envprofile.engine.report;

import dev.envprofile.api.Tier;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * The parity report: every (check, object) result in catalog order, parity over the counted
 * (critical and warning) results that are not accepted, and per-object parity. Holds no credential
 * value.
 *
 * @param failed counted failures that are not accepted
 * @param accepted failures accepted by an annotation or the profile (any severity): out of parity
 * @param notes what was ignored in the objects' accept annotations
 */
public record Report(Tier tier, int parity, int parityTarget, int passed, int failed,
                     List<CheckResult> results, Map<ObjectRef, Integer> objectParity, int accepted,
                     List<String> notes) {

  /** Failing results that are not accepted, most severe first, then by check id and object. */
  public List<CheckResult> findings() {
    return results.stream().filter(CheckResult::open)
        .sorted(ReportBuilder.FINDING_ORDER).toList();
  }

  /** Accepted failures, in the findings' order. */
  public List<CheckResult> acceptedFindings() {
    return results.stream().filter(CheckResult::accepted)
        .sorted(ReportBuilder.FINDING_ORDER).toList();
  }

  /** Failures whose acceptance has expired (they are among {@link #findings()}), in the same order. */
  public List<CheckResult> expired() {
    return results.stream().filter(CheckResult::acceptanceExpired)
        .sorted(ReportBuilder.FINDING_ORDER).toList();
  }

  public boolean targetMet() {
    return parity >= parityTarget;
  }
}
