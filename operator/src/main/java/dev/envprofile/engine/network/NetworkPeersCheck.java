package dev.envprofile.engine.network;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** {@code security.network-peers}. */
public final class NetworkPeersCheck extends WorkloadCheck {
  public NetworkPeersCheck() {
    super(CheckInfo.of("security.network-peers", Severity.INFO, Fix.NO,
        "A workload's peers cannot be inferred from its configuration: none of its env, ConfigMaps, Secrets, command or args names a Service of the namespace and nothing names it, or it finds peers at runtime (a service registry such as Consul or Eureka, a service mesh, a host built from variables or the pod's fields, a ConfigMap that is missing or binary, a host:port of a Service not in the input).",
        "Nothing: with unknownPeers Namespace it keeps talking to the namespace; declare peers with the annotation envprofile.dev/talks-to.",
        "a frontend whose backend host is compiled into the code"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<String> runtime = facts.flows().runtimePeers(w);
    if (facts.flows().isKnown(w)) {
      return pass();
    } else if (!runtime.isEmpty()) {
      return fail(false, w + ": its configuration names "
          + (facts.flows().hasFlows(w) ? "some of its peers" : "none of its peers") + ", but "
          + String.join("; ", runtime.stream().limit(3).toList()) + (runtime.size() > 3 ? "; ..." : "")
          + ": peers found at runtime cannot be read, so under unknownPeers: Namespace it keeps talking to the"
          + " namespace's Services, under Deny it gets DNS only and what is declared. Declare its peers with "
          + Labels.TALKS_TO + ": \"svc-a,svc-b\"");
    } else {
      return fail(false, w + ": no flow to or from another workload can be read from its"
          + " configuration (its peers may be compiled into the code); under unknownPeers: Namespace it keeps talking to the"
          + " namespace's Services, under Deny it gets DNS only. Declare its peers with " + Labels.TALKS_TO + ": \"svc-a,svc-b\"");
    }
  }
}
