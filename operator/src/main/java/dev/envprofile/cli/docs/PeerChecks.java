package dev.envprofile.cli.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which kube-score and Polaris checks each catalog id replaces, and why the peer checks that map to
 * none are not part of production shape. Their ids are public (kube-score's README_CHECKS.md,
 * Polaris' pkg/config/default.yaml); DocsUpToDateTest fails when a catalog id has no row here.
 */
public final class PeerChecks {
  /** Our id, then kube-score's ids, then Polaris' ids. */
  public record Row(String id, List<String> kubeScore, List<String> polaris) {}

  /** A peer check with no counterpart, and why. */
  public record Unmapped(String tool, String id, String why) {}

  private static final Map<String, Row> ROWS = new LinkedHashMap<>();

  static {
    row("security.secrets-in-configmap", List.of(), List.of("sensitiveConfigmapContent"));
    row("security.secrets-in-env", List.of(), List.of("sensitiveContainerEnvVar"));
    row("security.secrets-in-args", List.of(), List.of());
    row("security.weak-credential", List.of(), List.of());
    row("security.tls", List.of(), List.of("tlsSettingsMissing"));
    row("security.network-policy", List.of("pod-networkpolicy"), List.of("missingNetworkPolicy"));
    row("security.network-peers", List.of(), List.of());
    row("security.pod-security", List.of("container-security-context-privileged", "container-seccomp-profile"),
        List.of("hostIPCSet", "hostPIDSet", "hostNetworkSet", "hostPortSet", "privilegeEscalationAllowed",
            "runAsRootAllowed", "runAsPrivileged", "dangerousCapabilities", "insecureCapabilities", "linuxHardening"));
    row("security.service-account-token", List.of(), List.of("automountServiceAccountToken"));
    row("security.read-only-root", List.of("container-security-context-readonlyrootfilesystem"),
        List.of("notReadOnlyRootFilesystem"));
    row("security.host-ids", List.of("container-security-context-user-group-id"), List.of());
    row("security.dev-mode", List.of(), List.of());
    row("security.unauthenticated-service", List.of(), List.of());
    row("security.plaintext-connection", List.of(), List.of());
    row("config.dev-endpoint", List.of(), List.of());
    row("storage.ephemeral-data", List.of(), List.of());
    row("storage.replication", List.of(), List.of());
    row("storage.host-path", List.of(), List.of("hostPathSet"));
    row("storage.backup", List.of(), List.of());
    row("storage.rwo-claim", List.of(), List.of());
    row("images.pinned-tag", List.of("container-image-tag"), List.of("tagNotSpecified"));
    row("images.pull-policy", List.of(), List.of());
    row("images.registry", List.of(), List.of());
    row("workload.replicas", List.of("deployment-replicas"), List.of("deploymentMissingReplicas"));
    row("workload.resources", List.of("container-resources"),
        List.of("cpuRequestsMissing", "memoryRequestsMissing", "memoryLimitsMissing"));
    row("workload.ephemeral-storage", List.of("container-ephemeral-storage-request-and-limit"), List.of());
    row("workload.probes", List.of("pod-probes"), List.of("readinessProbeMissing", "livenessProbeMissing"));
    row("workload.probe-distinct", List.of("pod-probes-identical"), List.of());
    row("workload.rollout", List.of("deployment-strategy"), List.of());
    row("workload.disruption-budget", List.of("deployment-has-poddisruptionbudget", "statefulset-has-poddisruptionbudget"),
        List.of("missingPodDisruptionBudget"));
    row("workload.spread", List.of("deployment-has-host-podantiaffinity", "statefulset-has-host-podantiaffinity",
        "pod-topology-spread-constraints"), List.of("topologySpreadConstraint"));
    row("workload.single-instance", List.of(), List.of());
    row("workload.test-tool", List.of(), List.of());
    row("network.service-exposure", List.of("service-type"), List.of());
    row("network.external-egress", List.of(), List.of());
    row("network.ingress-class", List.of(), List.of());
    row("promotion.invalid-object", List.of(), List.of());
    row("workload.autoscaling", List.of(), List.of());
    row("workload.priority-class", List.of(), List.of("priorityClassNotSet"));
    row("promotion.name-conflict", List.of(), List.of());
    row("promotion.policy-refused", List.of(), List.of());
  }

  private static final String LINT = "consistency of the manifests (references, labels), the same in every tier: a linter in CI catches it";

  private static final List<Unmapped> UNMAPPED = List.of(
      new Unmapped("kube-score", "container-image-pull-policy", "Always makes every pod start depend on the registry; with a pinned tag or digest (images.pinned-tag) IfNotPresent is the production choice. images.pull-policy fails only Never, which cannot pull a new image at all"),
      new Unmapped("Polaris", "pullPolicyNotAlways", "as kube-score's container-image-pull-policy"),
      new Unmapped("Polaris", "cpuLimitsMissing", "a CPU limit throttles a container that the node could serve, and raises latency under load; workload.resources asks for a CPU request and a memory limit, as kube-score does with --ignore-container-cpu-limit"),
      new Unmapped("kube-score", "container-resource-requests-equal-limits", "optional in kube-score: Guaranteed QoS is a cost choice, not a production requirement"),
      new Unmapped("kube-score", "container-cpu-requests-equal-limits", "optional in kube-score, as above"),
      new Unmapped("kube-score", "container-memory-requests-equal-limits", "optional in kube-score, as above"),
      new Unmapped("kube-score", "container-ephemeral-storage-request-equals-limit", "optional in kube-score; a limit equal to a guessed request evicts pods (see workload.ephemeral-storage)"),
      new Unmapped("kube-score", "container-ports-check", "optional in kube-score: port names and numbers the API server validates"),
      new Unmapped("kube-score", "environment-variable-key-duplication", LINT),
      new Unmapped("kube-score", "ingress-targets-service", LINT),
      new Unmapped("kube-score", "service-targets-pod", LINT),
      new Unmapped("kube-score", "networkpolicy-targets-pod", LINT + "; the NetworkPolicies envprofile generates are evaluated against every inferred flow before they are emitted (promotion.policy-refused)"),
      new Unmapped("kube-score", "statefulset-has-servicename", LINT + "; the StatefulSets envprofile generates always name a headless Service"),
      new Unmapped("kube-score", "deployment-pod-selector-labels-match-template-metadata-labels", LINT),
      new Unmapped("kube-score", "statefulset-pod-selector-labels-match-template-metadata-labels", LINT),
      new Unmapped("kube-score", "label-values", LINT),
      new Unmapped("kube-score", "stable-version", "deprecated API versions are a matter of the cluster's version, the same in every tier"),
      new Unmapped("kube-score", "cronjob-has-deadline", "a CronJob's startingDeadlineSeconds behaves the same in every tier"),
      new Unmapped("kube-score", "cronjob-restartpolicy", LINT),
      new Unmapped("kube-score", "poddisruptionbudget-has-policy", LINT + "; the budgets envprofile generates set maxUnavailable"),
      new Unmapped("kube-score", "horizontalpodautoscaler-has-target", LINT),
      new Unmapped("kube-score", "horizontalpodautoscaler-replicas", "an autoscaler's minimum is judged by workload.replicas on the workload it scales (its production replicas are the autoscaler's floor)"),
      new Unmapped("kube-score", "deployment-targeted-by-hpa-does-not-have-replicas-configured", "a GitOps concern (the tool and the autoscaler fight over spec.replicas), the same in every tier"),
      new Unmapped("Polaris", "hpaMinAvailability", "as kube-score's horizontalpodautoscaler-replicas"),
      new Unmapped("Polaris", "hpaMaxAvailability", LINT),
      new Unmapped("Polaris", "pdbMinAvailableGreaterThanHPAMinReplicas", LINT),
      new Unmapped("Polaris", "pdbDisruptionsIsZero", "a budget that allows no disruption blocks node drains in every tier; the budgets envprofile generates allow one (maxUnavailable 1)"),
      new Unmapped("Polaris", "metadataAndInstanceMismatched", "a labelling convention (app.kubernetes.io/instance), not a production requirement"),
      new Unmapped("Polaris", "procMount", "Unmasked /proc needs a feature gate and is refused at the baseline pod security level; judged by Pod Security Admission itself"),
      new Unmapped("Polaris", "hostProcess", "Windows HostProcess containers; refused at the baseline pod security level by Pod Security Admission"),
      new Unmapped("Polaris", "clusterrolePodExecAttach", "RBAC of the cluster: granted by its administrators, not shaped by an application's tier"),
      new Unmapped("Polaris", "rolePodExecAttach", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "clusterrolebindingPodExecAttach", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "rolebindingClusterRolePodExecAttach", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "rolebindingRolePodExecAttach", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "clusterrolebindingClusterAdmin", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "rolebindingClusterAdminClusterRole", "as clusterrolePodExecAttach"),
      new Unmapped("Polaris", "rolebindingClusterAdminRole", "as clusterrolePodExecAttach"));

  private PeerChecks() {}

  private static void row(String id, List<String> kubeScore, List<String> polaris) {
    ROWS.put(id, new Row(id, kubeScore, polaris));
  }

  /** The row of a catalog id, or null when it has none (a test fails on that). */
  public static Row of(String id) {
    return ROWS.get(id);
  }

  public static List<Unmapped> unmapped() {
    return UNMAPPED;
  }
}
