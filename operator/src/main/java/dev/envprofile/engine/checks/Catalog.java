package dev.envprofile.engine.checks;

import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;

/** The check catalog, in the order the docs and reports list it. Ids are public: add, never rename. */
public final class Catalog {
  /** Reported by promote when a generated name is held by an object the engine does not manage. */
  public static final CheckInfo NAME_CONFLICT = CheckInfo.of("promotion.name-conflict", Severity.CRITICAL, Fix.NO,
      "A name the promotion must generate (Secret, Service, StatefulSet, NetworkPolicy, PodDisruptionBudget) is held by an object that envprofile does not manage.",
      "Nothing: the object is never adopted or overwritten, and that part of the promotion is skipped. Rename or remove the object.",
      "Secret/api-env-secret exists without app.kubernetes.io/managed-by: envprofile-operator");

  /** Reported by promote when the NetworkPolicies it computed would deny a flow it inferred. */
  public static final CheckInfo POLICY_REFUSED = CheckInfo.of("promotion.policy-refused", Severity.WARNING, Fix.NO,
      "The NetworkPolicies the promotion computed would deny a connection it inferred (a flow, DNS, the ingress controller, scraping) or would be refused by the API server, even with the workloads involved treated as having unknown peers.",
      "Nothing: no NetworkPolicy is emitted for the namespace, which keeps its current traffic. The finding names the connections; declare peers with envprofile.dev/talks-to or fix the object named.",
      "a workload's policy name is held by a NetworkPolicy that envprofile does not manage");

  private static final List<Check> CHECKS = List.of(
      new dev.envprofile.engine.credentials.SecretsInConfigMapCheck(),
      new dev.envprofile.engine.credentials.SecretsInEnvCheck(),
      new dev.envprofile.engine.credentials.SecretsInArgsCheck(),
      new dev.envprofile.engine.credentials.WeakCredentialCheck(),
      new dev.envprofile.engine.tls.TlsCheck(),
      new dev.envprofile.engine.network.NetworkPolicyCheck(),
      new dev.envprofile.engine.network.NetworkPeersCheck(),
      new dev.envprofile.engine.workload.PodSecurityCheck(),
      new dev.envprofile.engine.workload.ServiceAccountTokenCheck(),
      new dev.envprofile.engine.workload.ReadOnlyRootCheck(),
      new dev.envprofile.engine.workload.HostIdsCheck(),
      new dev.envprofile.engine.config.DevModeCheck(),
      new dev.envprofile.engine.credentials.UnauthenticatedServiceCheck(),
      new dev.envprofile.engine.tls.PlaintextConnectionCheck(),
      new dev.envprofile.engine.config.DevEndpointCheck(),
      new dev.envprofile.engine.storage.EphemeralDataCheck(),
      new dev.envprofile.engine.storage.ReplicationCheck(),
      new dev.envprofile.engine.storage.HostPathCheck(),
      new dev.envprofile.engine.storage.BackupCheck(),
      new dev.envprofile.engine.storage.ReadWriteOnceClaimCheck(),
      new dev.envprofile.engine.images.PinnedTagCheck(),
      new dev.envprofile.engine.images.PullPolicyCheck(),
      new dev.envprofile.engine.images.RegistryCheck(),
      new dev.envprofile.engine.workload.ReplicasCheck(),
      new dev.envprofile.engine.workload.ResourcesCheck(),
      new dev.envprofile.engine.workload.EphemeralStorageCheck(),
      new dev.envprofile.engine.workload.ProbesCheck(),
      new dev.envprofile.engine.workload.ProbeDistinctCheck(),
      new dev.envprofile.engine.workload.RolloutCheck(),
      new dev.envprofile.engine.workload.DisruptionBudgetCheck(),
      new dev.envprofile.engine.workload.SpreadCheck(),
      new dev.envprofile.engine.workload.SingleInstanceCheck(),
      new dev.envprofile.engine.workload.TestToolCheck(),
      new dev.envprofile.engine.network.ServiceExposureCheck(),
      new dev.envprofile.engine.network.ExternalEgressCheck(),
      new dev.envprofile.engine.network.IngressClassCheck(),
      new dev.envprofile.engine.network.InvalidObjectCheck(),
      new dev.envprofile.engine.workload.AutoscalingCheck(),
      new dev.envprofile.engine.workload.PriorityClassCheck());

  private Catalog() {}

  public static List<Check> checks() {
    return CHECKS;
  }

  /** Every id, the promotion-only ones included, in catalog order. */
  public static List<CheckInfo> infos() {
    java.util.ArrayList<CheckInfo> out = new java.util.ArrayList<>();
    CHECKS.forEach(c -> out.add(c.info()));
    out.add(NAME_CONFLICT);
    out.add(POLICY_REFUSED);
    return List.copyOf(out);
  }
}
