package dev.envprofile.engine.report;

import dev.envprofile.api.Tier;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;

/**
 * The parity report: every (check, object) result in catalog order, parity over the counted
 * (critical and warning) results, and per-object parity. Holds no credential value.
 */
public record Report(Tier tier, int parity, int parityTarget, int passed, int failed,
                     List<CheckResult> results, Map<ObjectRef, Integer> objectParity) {

  /** Failing results, most severe first, then by check id and object. */
  public List<CheckResult> findings() {
    return results.stream().filter(r -> !r.passed())
        .sorted(ReportBuilder.FINDING_ORDER).toList();
  }

  public boolean targetMet() {
    return parity >= parityTarget;
  }
}
