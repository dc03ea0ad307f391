package dev.envprofile.cli.docs;

import java.util.Map;

/**
 * docs/checks.md, "Accepting": per check id, when accepting a finding is a reasonable decision and
 * when it never is (fix it instead). DocsUpToDateTest fails when an id has no line.
 */
final class AcceptAdvice {
  private static final String FIX = "Never accept: fix it. ";

  static final Map<String, String> BY_ID = Map.ofEntries(
      Map.entry("security.secrets-in-configmap", FIX + "A credential in a ConfigMap is readable by everyone who can read ConfigMaps; Enforce moves it, and promote shows where."),
      Map.entry("security.secrets-in-env", FIX + "A literal credential lives in the manifest and in the Git history; Enforce moves it to a Secret."),
      Map.entry("security.secrets-in-args", FIX + "A credential in args is visible in the pod spec and the node's process list: read it from a Secret-backed env var or file."),
      Map.entry("security.weak-credential", FIX + "Rotate the credential: a dev default is the first thing an attacker tries. An acceptance would hide it, not change it."),
      Map.entry("security.tls", "Accept only for a host that terminates TLS before the Ingress (a cloud load balancer with its own certificate); say which in the reason."),
      Map.entry("security.network-policy", "Accept only while the namespace's traffic is governed elsewhere (a mesh's authorization policies, a CNI's cluster policy), naming it in the reason."),
      Map.entry("security.network-peers", "An info finding: accepting it silences the list. Better declare the peers with envprofile.dev/talks-to, which also narrows the policies."),
      Map.entry("security.pod-security", "Accept for an image that needs root or a capability and cannot be rebuilt yet; set an expiry and track the rebuild."),
      Map.entry("security.service-account-token", "Accept when the workload calls the Kubernetes API in a way the engine cannot see (a client library reading the token file)."),
      Map.entry("security.read-only-root", "Accept for an image that writes outside its volumes and cannot be changed yet; an expiry keeps the decision visible."),
      Map.entry("security.host-ids", "Accept for an image whose files are owned by a fixed low id (many official images) until it is rebuilt or run with a mapped id."),
      Map.entry("security.dev-mode", FIX + "A dev switch in production (debug pages, no auth, a dev server) is an incident waiting: set it with the profile's env overrides."),
      Map.entry("security.unauthenticated-service", FIX + "A data service that accepts anyone on the network must get a password, whatever else protects it."),
      Map.entry("security.plaintext-connection", "Accept only for a connection that cannot leave the node or the mesh (a sidecar, mTLS below the application), saying so in the reason."),
      Map.entry("config.dev-endpoint", FIX + "A local stand-in in production loses data or mail; point the setting at the real service through env overrides."),
      Map.entry("storage.ephemeral-data", "Accept only for data that may be lost on every restart (a cache that rebuilds); otherwise declare envprofile.dev/data-path and let Enforce convert it."),
      Map.entry("storage.replication", "Accept for a database whose replication is planned but not built, or whose loss is covered by backups and a restore you have tested; set an expiry."),
      Map.entry("storage.host-path", "Accept for node agents that must read the node (log shippers, CSI drivers), not for application data."),
      Map.entry("storage.backup", "An info finding: accept when backups are taken outside the cluster (the database's managed snapshots), naming them in the reason."),
      Map.entry("storage.rwo-claim", "Accept for a workload that is single by design and whose downtime during a rollout is acceptable."),
      Map.entry("images.pinned-tag", "Accept briefly, with an expiry, while the release process learns to pin; a moving tag makes rollbacks guesswork."),
      Map.entry("images.pull-policy", "Enforce fixes it; an acceptance only changes the report, and Never rarely works on a real cluster."),
      Map.entry("images.registry", "Accept only when the registry is reachable from production nodes under that name; otherwise add a registryRewrite."),
      Map.entry("workload.replicas", "Accept for a workload that must run once (a leader, a scheduler); envprofile.dev/single-instance declares it and also stops Enforce scaling it."),
      Map.entry("workload.resources", "Enforce fixes it; accept only with a reason, since a pod without requests is scheduled blind."),
      Map.entry("workload.ephemeral-storage", "Accept on clusters whose nodes have no separate ephemeral-storage accounting, saying so in the reason."),
      Map.entry("workload.probes", "Accept for a workload that serves nothing to probe (a queue worker) when its liveness is watched some other way."),
      Map.entry("workload.probe-distinct", "Accept when one endpoint really answers both questions; the reason should say why a restart is then right."),
      Map.entry("workload.rollout", "Enforce fixes it; accept for a workload that must never run two versions at once (Recreate on purpose)."),
      Map.entry("workload.disruption-budget", "Enforce fixes it; accept only for workloads whose eviction during a node drain is harmless."),
      Map.entry("workload.spread", "Accept on a single-zone or single-node cluster, saying so in the reason."),
      Map.entry("workload.single-instance", "Accept for a dev-mode server kept on purpose in a non-production namespace; in production, replace it with the real server."),
      Map.entry("workload.test-tool", "Accept in a namespace that runs load tests on purpose; production should not run it."),
      Map.entry("network.service-exposure", "Accept for a Service that must be reached without HTTP (a TCP protocol behind a load balancer), with its own TLS."),
      Map.entry("network.external-egress", "An info finding: accept once the hosts are pinned in egressCIDRs or approved, naming the approval in the reason."),
      Map.entry("network.ingress-class", "Accept when another controller serves the class on purpose; otherwise the Ingress gets no traffic."),
      Map.entry("promotion.invalid-object", FIX + "The API server refuses the object; an acceptance cannot make it apply."),
      Map.entry("workload.autoscaling", "Enforce fixes it; accept for a workload whose load is flat or scaled by another controller (KEDA)."),
      Map.entry("workload.priority-class", "Accept when the cluster's admission assigns priorities (a mutating webhook, a quota scope)."),
      Map.entry("promotion.name-conflict", FIX + "Rename or remove the object that holds the generated name; until then that part of the promotion is skipped."),
      Map.entry("promotion.policy-refused", FIX + "Declare the peers (envprofile.dev/talks-to) or fix the object named: until then no NetworkPolicy is written."));

  private AcceptAdvice() {}

  static String of(String id) {
    return BY_ID.get(id);
  }
}
