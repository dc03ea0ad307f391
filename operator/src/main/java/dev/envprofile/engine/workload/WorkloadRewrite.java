package dev.envprofile.engine.workload;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.images.Images;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod templates reach the tier's level: replicas of stateless workloads, rollout bounds, default
 * resources, probes, topology spread, pull policy and registry rewrites. Only what {@link
 * Replicas#scalable} proves stateless is scaled: extra replicas of a single-node database, a dev-mode
 * Consul or a tracing all-in-one are separate servers, and more load generators are more load.
 */
public final class WorkloadRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    Inventory inv = ws.inventory();
    Facts facts = ws.facts();
    Settings.Workloads level = ws.settings().workloads();
    for (Workload w : inv.workloads()) {
      List<String> done = new ArrayList<>();
      int target = Replicas.target(w, facts, level.minReplicas());
      if (w.replicas() != null && target != w.replicas() && !Scaling.autoscaled(inv, w)) {
        done.add("replicas " + w.replicas() + " -> " + target);
        w.setReplicas(target);
      }
      if (w.object() instanceof Deployment d
          && Rollout.apply(d, !facts.storage().claims(w).isEmpty(), Scaling.ceiling(inv, facts, w, level))) {
        done.add("RollingUpdate bounds");
      }
      for (Container c : w.allContainers()) {
        String image = Images.rewrite(c.getImage(), ws.settings().registryRewrites());
        if (image != null && !image.equals(c.getImage())) {
          done.add("image " + c.getName() + " -> " + image);
          c.setImage(image);
        }
        if ("Never".equals(c.getImagePullPolicy())) {
          c.setImagePullPolicy("IfNotPresent");
          done.add("imagePullPolicy IfNotPresent (" + c.getName() + ")");
        }
        if (level.defaultResources()) {
          long heap = Memory.maxHeap(Memory.jvmValues(facts.env(c), c.getCommand(), c.getArgs()));
          if (ResourceDefaults.apply(c, level, heap)) {
            done.add("resources (" + c.getName() + ")");
          }
        }
      }
      if (level.probes() && w.isLongRunning()) {
        for (Container c : w.containers()) {
          if (Probes.apply(c)) {
            done.add("probes (" + c.getName() + ")");
          }
        }
      }
      if (Replicas.scalable(w, facts) && Replicas.replicated(w, facts, level.minReplicas()) && Spread.apply(w)) {
        done.add("topology spread");
      }
      if (!done.isEmpty()) {
        ws.recordRewrite(w.object(), "WorkloadHardened", w + ": " + String.join(", ", done));
      }
    }
  }
}
