package dev.envprofile.engine.checks;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import java.util.List;

/**
 * One catalog id. Adds one result per object it applies to, passed or failed; a check that does
 * not apply to an object adds nothing for it. Messages name keys, variables and hosts, never values.
 * A check that judges one workload at a time extends {@link WorkloadCheck} instead.
 */
public interface Check {
  CheckInfo info();

  void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out);
}
