package dev.envprofile.engine.network;

import dev.envprofile.api.NetworkSpec;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Default deny for the namespace, DNS, and one policy per workload allowing exactly the flows its
 * configuration names (docs/rules/network.md). Workloads whose peers cannot be inferred keep working
 * inside the namespace under {@code unknownPeers: Namespace}; workloads the profile does not manage
 * keep all their traffic, since the default deny covers their pods too.
 */
public final class NetworkRewrite implements Rewrite {
  public static final String DEFAULT_DENY = "envprofile-default-deny";
  public static final String ALLOW_DNS = "envprofile-allow-dns";
  /** Pod label of workloads whose peers cannot be inferred (unknownPeers: Namespace). */
  public static final String UNKNOWN_PEER = Labels.PREFIX + "unknown-peers";
  private static final List<String> BOTH = List.of("Ingress", "Egress");
  /** NodeLocal DNSCache listens here on nodes that run it. */
  static final String NODE_LOCAL_DNS = "169.254.20.10/32";

  /** Rounds of "treat the workloads of a denied flow as unknown" before the rewrite is refused. */
  private static final int ROUNDS = 3;

  @Override
  public void apply(WorkingSet ws) {
    Settings.Network net = ws.settings().network();
    if (!net.defaultDeny()) {
      return;
    }
    // The policies are computed, then evaluated against every connection the engine inferred, and
    // emitted only when they allow all of them. A workload in a denied connection falls back to the
    // unknown-peer rules; when that does not help either, nothing is emitted and a finding says why.
    Set<String> forced = new TreeSet<>();
    for (int round = 1; ; round++) {
      labelUnlabelledPods(ws, forced);
      NetworkPlan plan = NetworkPlan.of(ws, forced);
      List<FlowVerifier.Connection> denied = plan.denied();
      if (denied.isEmpty() && plan.invalid().isEmpty()) {
        plan.emit(ws);
        return;
      }
      Set<String> implicated = new TreeSet<>(plan.workloadsOf(denied));
      implicated.removeAll(forced);
      // Under unknownPeers Deny the fallback opens nothing: refuse at once.
      boolean fallback = net.unknownPeers() == NetworkSpec.UnknownPeers.Namespace;
      if (round == ROUNDS || implicated.isEmpty() || !plan.invalid().isEmpty() || !fallback) {
        plan.recordConflicts(ws);
        refuse(ws, denied, plan.invalid());
        return;
      }
      forced.addAll(implicated);
    }
  }

  private static void refuse(WorkingSet ws, List<FlowVerifier.Connection> denied, List<String> invalid) {
    List<String> why = new ArrayList<>(invalid);
    denied.stream().limit(5).forEach(c -> why.add("would deny " + c.what()));
    int more = denied.size() > 5 ? denied.size() - 5 : 0;
    ws.refuse(new dev.envprofile.engine.model.ObjectRef("NetworkPolicy", ws.inventory().namespace(), DEFAULT_DENY),
        "no NetworkPolicy was emitted: the generated set " + String.join("; ", why)
            + (more > 0 ? "; and " + more + " more" : "")
            + ". The namespace keeps its current traffic; declare the peers with " + Labels.TALKS_TO
            + " or fix what is named, then promote again");
  }

  static List<FlowFacts.Flow> sortedBy(List<FlowFacts.Flow> flows,
                                               java.util.function.Function<FlowFacts.Flow, Workload> peer) {
    List<FlowFacts.Flow> out = new ArrayList<>(flows);
    out.sort(java.util.Comparator.comparing((FlowFacts.Flow f) -> peer.apply(f).kind())
        .thenComparing(f -> peer.apply(f).name()));
    return out;
  }

  static boolean selectable(Workload w) {
    return !PolicyParts.podSelector(w).isEmpty();
  }

  public static String policyName(Workload w) {
    return Names.fit(w.name(), "-envprofile", Names.DNS_SUBDOMAIN);
  }

  /**
   * A CronJob's pods carry no stable label: they get envprofile.dev/workload so policies can select
   * them. With unknownPeers Namespace, pods of workloads whose peers are unknown carry
   * {@link #UNKNOWN_PEER}, so that the other workloads' policies admit them with one rule.
   */
  static boolean unknown(FlowFacts flows, Workload w, Set<String> forced) {
    return !flows.isKnown(w) || forced.contains(w.kind() + "/" + w.name());
  }

  private static void labelUnlabelledPods(WorkingSet ws, Set<String> forced) {
    boolean changed = false;
    boolean namespaceMode = ws.settings().network().unknownPeers() == NetworkSpec.UnknownPeers.Namespace;
    FlowFacts flows = ws.facts().flows();
    for (Workload w : ws.inventory().workloads()) {
      // A Job's pod template is immutable: it is never labelled.
      boolean unknown = namespaceMode && unknown(flows, w, forced)
          && !(w.object() instanceof io.fabric8.kubernetes.api.model.batch.v1.Job);
      boolean labelled = "true".equals(w.podLabels().get(UNKNOWN_PEER));
      if (unknown != labelled) {
        if (unknown) {
          w.mutablePodLabels().put(UNKNOWN_PEER, "true");
        } else {
          w.mutablePodLabels().remove(UNKNOWN_PEER);
        }
        ws.recordRewrite(w.object(), "PodsLabelled", w + ": pods " + (unknown ? "labelled " : "no longer labelled ")
            + UNKNOWN_PEER + " (peers " + (unknown ? "unknown" : "known") + ")");
        changed = true;
      }
    }
    for (Workload w : ws.inventory().workloads()) {
      if (w.object() instanceof CronJob && w.podLabels().isEmpty()) {
        w.mutablePodLabels().put(Labels.WORKLOAD, w.name());
        ws.recordRewrite(w.object(), "PodsLabelled", w + ": pods labelled " + Labels.WORKLOAD + "=" + w.name()
            + " so that network policies can select them");
        changed = true;
      }
    }
    if (changed) {
      ws.refresh();
    }
  }
}
