package dev.envprofile.engine.images;

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

/** {@code images.registry}. */
public final class RegistryCheck extends WorkloadCheck {
  public RegistryCheck() {
    super(CheckInfo.of("images.registry", Severity.CRITICAL, Fix.PROFILE,
        "An image comes from localhost, 127.0.0.1, host.docker.internal, a *.local or *.localhost host, or another dev registry (kind-registry, registry.local).",
        "With spec.images.registryRewrites.",
        "image localhost:5000/shop/api:1.2"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> bad = new ArrayList<>();
    boolean fixable = true;
    for (Container c : w.allContainers()) {
      if (c.getImage() != null && Images.devRegistry(c.getImage())) {
        bad.add(c.getImage());
        String rewritten = Images.rewrite(c.getImage(), settings.registryRewrites());
        fixable &= !rewritten.equals(c.getImage()) && !Images.devRegistry(rewritten);
      }
    }
    if (bad.isEmpty()) {
      return pass();
    } else {
      return fail(fixable, w + " pulls from a dev registry: " + String.join(", ", bad)
          + (fixable ? "" : "; add spec.images.registryRewrites to move it to the production registry"));
    }
  }
}
