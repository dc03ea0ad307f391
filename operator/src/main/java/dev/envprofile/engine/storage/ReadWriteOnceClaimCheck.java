package dev.envprofile.engine.storage;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/** {@code storage.rwo-claim}. */
public final class ReadWriteOnceClaimCheck extends WorkloadCheck {
  public ReadWriteOnceClaimCheck() {
    super(CheckInfo.of("storage.rwo-claim", Severity.WARNING, Fix.NO,
        "A Deployment mounts a ReadWriteOnce PersistentVolumeClaim: it cannot run more than one replica or roll pods across nodes.",
        "Keeps the claim at the same path and the workload at one replica; consider a StatefulSet with volumeClaimTemplates.",
        "Deployment/uploads mounts claim uploads-pvc"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    if (!(w.object() instanceof Deployment) || facts.storage().claims(w).isEmpty()) {
      return notApplicable();
    }
    List<String> rwo = new ArrayList<>();
    for (String claim : facts.storage().claims(w)) {
      PersistentVolumeClaim c = inventory.claim(claim);
      List<String> modes = c == null || c.getSpec() == null || c.getSpec().getAccessModes() == null
          ? List.of() : c.getSpec().getAccessModes();
      if (c == null) {
        rwo.add(claim + " (not in the manifests: assumed ReadWriteOnce)");
      } else if (modes.isEmpty() || modes.contains("ReadWriteOnce") || modes.contains("ReadWriteOncePod")) {
        if (!modes.contains("ReadWriteMany") && !modes.contains("ReadOnlyMany")) {
          rwo.add(claim);
        }
      }
    }
    if (rwo.isEmpty()) {
      return pass();
    } else {
      return fail(false, w + " mounts ReadWriteOnce " + Plural.noun(rwo.size(), "claim") + " " + String.join(", ", rwo)
          + ": it stays at one replica and its rollouts replace the pod before starting the new one");
    }
  }
}
