package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;

/** {@code security.pod-security}. */
public final class PodSecurityCheck extends WorkloadCheck {
  public PodSecurityCheck() {
    super(CheckInfo.of("security.pod-security", Severity.WARNING, Fix.PARTIAL,
        "A pod misses the level's settings: baseline (no privileged, host namespaces, hostPath, host ports, added capabilities beyond the baseline set) or restricted (also runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL, seccompProfile RuntimeDefault).",
        "Sets the restricted settings where safe; an image known to run as root, a privileged container or a hostPath is reported, not broken.",
        "container api without allowPrivilegeEscalation: false"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    var level = settings.production().podSecurity();
    List<String> problems = new ArrayList<>(PodSecurity.podViolations(w, level));
    boolean fixable = problems.isEmpty();
    for (Container c : w.allContainers()) {
      List<String> v = PodSecurity.violations(w, c, level);
      if (v.isEmpty()) {
        continue;
      }
      String why = "";
      boolean rootBound = v.contains("runAsNonRoot: true") || v.contains("capabilities drop ALL");
      if (rootBound && PodSecurity.needsRoot(c.getImage())) {
        why = ", image " + c.getImage() + " starts as uid 0: use a non-root variant or set runAsUser";
        fixable = false;
      } else if (rootBound && !PodSecurity.knownNonRoot(w, c)) {
        why = ", the image's user is not known: set runAsUser to a non-root uid and Enforce adds the rest";
        fixable = false;
      }
      if (v.contains("privileged") || v.stream().anyMatch(s -> s.startsWith("adds capability")) || v.contains("hostPort")) {
        fixable = false;
      }
      problems.add("container " + c.getName() + " misses " + String.join(", ", v) + why);
    }
    if (problems.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + " falls short of the "
          + level.name().toLowerCase(java.util.Locale.ROOT) + " pod security level: " + String.join("; ", problems));
    }
  }
}
