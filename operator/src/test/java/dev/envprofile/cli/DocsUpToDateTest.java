package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.cli.docs.ApiMarkdown;
import dev.envprofile.cli.docs.CatalogMarkdown;
import dev.envprofile.cli.docs.DocsGenerator;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.CheckInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/checks.md and docs/api.md are generated: they must match the code (run `make docs`). */
class DocsUpToDateTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void checkCatalogDocIsCurrent() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/checks.md"))).as("run `make docs`").isEqualTo(CatalogMarkdown.render(ROOT));
  }

  @Test
  void apiDocIsCurrent() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/api.md"))).as("run `make docs`")
        .isEqualTo(ApiMarkdown.render(DocsGenerator.crd(ROOT)));
  }

  @Test
  void everyContractCheckIdIsInTheCatalog() {
    var ids = Catalog.infos().stream().map(CheckInfo::id).toList();
    assertThat(ids).contains("security.secrets-in-configmap", "security.secrets-in-env", "security.weak-credential",
        "security.tls", "security.network-policy", "security.network-peers", "security.pod-security",
        "security.service-account-token", "security.dev-mode", "security.unauthenticated-service",
        "security.plaintext-connection", "config.dev-endpoint", "storage.ephemeral-data", "storage.replication",
        "storage.host-path", "storage.backup", "images.pinned-tag", "images.pull-policy", "images.registry",
        "workload.replicas", "workload.resources", "workload.probes", "workload.rollout",
        "workload.disruption-budget", "workload.spread", "network.service-exposure", "network.external-egress",
        "workload.autoscaling", "security.read-only-root", "security.host-ids", "workload.ephemeral-storage",
        "workload.probe-distinct", "workload.priority-class");
    assertThat(ids).doesNotHaveDuplicates();
  }

  /**
   * kube-score's check ids (README_CHECKS.md, zegl/kube-score at 06dedc9) and Polaris'
   * (pkg/config/default.yaml, FairwindsOps/polaris at c0e23a2).
   */
  private static final java.util.List<String> KUBE_SCORE = java.util.List.of(
      "deployment-strategy", "deployment-replicas", "ingress-targets-service", "cronjob-has-deadline",
      "cronjob-restartpolicy", "container-resources", "container-resource-requests-equal-limits",
      "container-cpu-requests-equal-limits", "container-memory-requests-equal-limits", "container-image-tag",
      "container-image-pull-policy", "container-ephemeral-storage-request-and-limit",
      "container-ephemeral-storage-request-equals-limit", "container-ports-check",
      "environment-variable-key-duplication", "statefulset-has-poddisruptionbudget",
      "deployment-has-poddisruptionbudget", "poddisruptionbudget-has-policy", "pod-networkpolicy",
      "networkpolicy-targets-pod", "pod-probes", "pod-probes-identical", "container-security-context-user-group-id",
      "container-security-context-privileged", "container-security-context-readonlyrootfilesystem",
      "container-seccomp-profile", "service-targets-pod", "service-type", "stable-version",
      "deployment-has-host-podantiaffinity", "statefulset-has-host-podantiaffinity",
      "deployment-targeted-by-hpa-does-not-have-replicas-configured", "statefulset-has-servicename",
      "deployment-pod-selector-labels-match-template-metadata-labels",
      "statefulset-pod-selector-labels-match-template-metadata-labels", "label-values",
      "horizontalpodautoscaler-has-target", "horizontalpodautoscaler-replicas", "pod-topology-spread-constraints");
  private static final java.util.List<String> POLARIS = java.util.List.of(
      "deploymentMissingReplicas", "priorityClassNotSet", "tagNotSpecified", "pullPolicyNotAlways",
      "readinessProbeMissing", "livenessProbeMissing", "metadataAndInstanceMismatched", "pdbDisruptionsIsZero",
      "missingPodDisruptionBudget", "topologySpreadConstraint", "hpaMaxAvailability", "hpaMinAvailability",
      "pdbMinAvailableGreaterThanHPAMinReplicas", "cpuRequestsMissing", "cpuLimitsMissing", "memoryRequestsMissing",
      "memoryLimitsMissing", "automountServiceAccountToken", "hostIPCSet", "hostPathSet", "hostProcess",
      "hostPIDSet", "linuxHardening", "missingNetworkPolicy", "notReadOnlyRootFilesystem",
      "privilegeEscalationAllowed", "procMount", "runAsRootAllowed", "runAsPrivileged", "dangerousCapabilities",
      "insecureCapabilities", "hostNetworkSet", "hostPortSet", "tlsSettingsMissing", "sensitiveContainerEnvVar",
      "sensitiveConfigmapContent", "clusterrolePodExecAttach", "rolePodExecAttach",
      "clusterrolebindingPodExecAttach", "rolebindingClusterRolePodExecAttach", "rolebindingRolePodExecAttach",
      "clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole", "rolebindingClusterAdminRole");

  @Test
  void everyPeerCheckIsMappedOrExplainedExactlyOnce() {
    java.util.List<String> kubeScore = new java.util.ArrayList<>();
    java.util.List<String> polaris = new java.util.ArrayList<>();
    for (CheckInfo c : Catalog.infos()) {
      var row = dev.envprofile.cli.docs.PeerChecks.of(c.id());
      assertThat(row).as("peer row of %s", c.id()).isNotNull();
      kubeScore.addAll(row.kubeScore());
      polaris.addAll(row.polaris());
    }
    for (var u : dev.envprofile.cli.docs.PeerChecks.unmapped()) {
      (u.tool().equals("kube-score") ? kubeScore : polaris).add(u.id());
    }
    assertThat(kubeScore).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(KUBE_SCORE);
    assertThat(polaris).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(POLARIS);
  }
}
