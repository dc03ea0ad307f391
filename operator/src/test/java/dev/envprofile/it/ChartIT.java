package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.it.support.*;
import dev.envprofile.operator.policy.TenantPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Helm chart: lint, rendering, schema, secure defaults, and least-privilege RBAC on the real API server. */
class ChartIT extends ClusterTest {

  @Test
  void lintPassesStrict() {
    Chart.Run run = Chart.helm(cluster, "lint", "--strict", Chart.dir().toString());
    assertThat(run.exit()).as(run.output()).isZero();
  }

  @Test
  void theDefaultRenderingRunsTheOperatorLockedDown() {
    List<HasMetadata> objects = Chart.render(cluster);
    assertThat(objects).extracting(HasMetadata::getKind)
        .contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment",
            "NetworkPolicy")
        .doesNotContain("ServiceMonitor");
    Deployment d = one(objects, Deployment.class);
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getImage()).isEqualTo("envprofile-operator:0.1.0");
    assertThat(c.getArgs()).contains("run", "--leader-election", "--lease-namespace=" + Chart.NAMESPACE);
    assertThat(pod.getServiceAccountName()).isEqualTo(Chart.SERVICE_ACCOUNT);
    // Probes on a port of their own, apart from /metrics; the revert logs in the release namespace.
    assertThat(c.getArgs()).contains("--http-port=8080", "--probe-port=8081", "--operator-namespace=" + Chart.NAMESPACE);
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("probes");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("probes");
    assertThat(c.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactlyInAnyOrder("metrics:8080", "probes:8081");
    assertThat(c.getEnv()).anyMatch(e -> e.getName().equals("POD_NAMESPACE")
        && e.getValueFrom().getFieldRef().getFieldPath().equals("metadata.namespace"));
    var service = one(objects, io.fabric8.kubernetes.api.model.Service.class);
    assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal()).containsExactly("metrics");
    // The operator admits only the metrics scrape, and only from the monitoring namespace.
    var policy = one(objects, io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress()).hasSize(1);
    assertThat(policy.getSpec().getIngress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(8080);
    assertThat(policy.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "monitoring");
  }

  @Test
  void theDefaultRenderingShipsTheSafePolicyOptInAndTheAdmissionPolicy() {
    List<HasMetadata> objects = Chart.render(cluster);
    assertThat(objects).extracting(HasMetadata::getKind)
        .contains("ConfigMap", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
    var c = one(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getArgs()).contains("--policy=/etc/envprofile/policy.yaml", "--namespace-opt-in");
    assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/etc/envprofile") && m.getReadOnly());
    var policy = one(objects, io.fabric8.kubernetes.api.model.ConfigMap.class);
    assertThat(TenantPolicy.parse(policy.getData().get("policy.yaml"))).as("the chart's default policy is the built-in one")
        .isEqualTo(TenantPolicy.DEFAULT);
    var vap = one(objects, io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy.class);
    assertThat(vap.getSpec().getMatchConditions()).singleElement().extracting("expression").asString()
        .contains("request.userInfo.username == '" + Chart.USER + "'");
    assertThat(vap.getSpec().getFailurePolicy()).isEqualTo("Fail");
    var binding = one(objects, io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding.class);
    assertThat(binding.getSpec().getPolicyName()).isEqualTo(vap.getMetadata().getName());
    assertThat(binding.getSpec().getValidationActions()).containsExactly("Deny");
    // The lease rules: create apart, the rest by name.
    List<PolicyRule> lease = objects.stream().filter(o -> o instanceof Role r && o.getMetadata().getName().endsWith("leader-election"))
        .flatMap(o -> ((Role) o).getRules().stream()).toList();
    assertThat(lease).extracting(r -> r.getVerbs() + " " + r.getResourceNames())
        .containsExactlyInAnyOrder("[create] []", "[get, update, patch] [envprofile-operator]");

    List<HasMetadata> widened = Chart.render(cluster, "--set", "namespaces.optIn=false", "--set", "namespaces.enabled={a,b}",
        "--set", "admissionPolicy.enabled=false", "--set", "policy.storageClasses={premium}");
    var args = one(widened, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    assertThat(args).contains("--no-namespace-opt-in", "--enabled-namespaces=a,b");
    assertThat(widened).extracting(HasMetadata::getKind).doesNotContain("ValidatingAdmissionPolicy");
    assertThat(TenantPolicy.parse(one(widened, io.fabric8.kubernetes.api.model.ConfigMap.class).getData().get("policy.yaml"))
        .storageClasses()).containsExactly("premium");
    Chart.Run bad = Chart.helm(cluster, "template", Chart.RELEASE, Chart.dir().toString(),
        "--set", "policy.secretStores[0].kind=Vault", "--set", "policy.secretStores[0].name=x");
    assertThat(bad.exit()).isNotZero();
  }

  @Test
  void everyCustomValueLandsWhereItShould() {
    Path values = ControlPlane.root().resolve("operator/src/test/resources/chart/custom-values.yaml");
    List<HasMetadata> objects = Chart.render(cluster, "-f", values.toString());
    Deployment d = one(objects, Deployment.class);
    var pod = d.getSpec().getTemplate().getSpec();
    var c = pod.getContainers().get(0);
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(c.getImage()).isEqualTo("registry.example.com/platform/envprofile-operator:9.9.9");
    assertThat(c.getImagePullPolicy()).isEqualTo("Always");
    assertThat(c.getArgs()).contains("--namespaces=shop,orders", "--log-level=DEBUG", "--log-format=json",
        "--resync=120", "--http-port=9090", "--probe-port=9091");
    var np = one(objects, io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
    assertThat(np.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("team", "observability");
    assertThat(np.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(9090);
    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"));
    assertThat(c.getEnv()).anyMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS") && e.getValue().equals("-XX:MaxRAMPercentage=60"));
    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations()).extracting("key").containsExactly("dedicated");
    assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("example.com/team", "platform");
    // Watched namespaces: a Role in each; the one cluster-wide grant lists ClusterRoleBindings (which
    // service accounts are bound, so that no used token is turned off), nothing else.
    assertThat(objects).filteredOn(o -> o instanceof Role && !o.getMetadata().getName().endsWith("leader-election")
            && !o.getMetadata().getName().endsWith("revert-logs"))
        .extracting(o -> o.getMetadata().getNamespace()).containsExactlyInAnyOrder("shop", "orders");
    assertThat(objects).filteredOn(o -> o instanceof ClusterRole && o.getMetadata().getName().endsWith("-cluster-read"))
        .singleElement().satisfies(o -> {
          ClusterRole cr = (ClusterRole) o;
          assertThat(cr.getRules()).singleElement().satisfies(r -> {
            assertThat(r.getResources()).containsExactly("clusterrolebindings");
            assertThat(r.getVerbs()).containsExactly("list");
          });
        });
    // The reader role for people (envprofile audit --namespace) is bound to nobody and only reads.
    assertThat(objects).filteredOn(o -> o instanceof ClusterRole).extracting(o -> o.getMetadata().getName())
        .allMatch(n -> n.endsWith("-cluster-read") || n.endsWith("-reader"));
    assertThat(objects).filteredOn(o -> o instanceof ClusterRoleBinding)
        .noneMatch(o -> ((ClusterRoleBinding) o).getRoleRef().getName().endsWith("-reader"));
    assertThat(objects).filteredOn(o -> o instanceof ClusterRole && o.getMetadata().getName().endsWith("-reader"))
        .flatExtracting(o -> ((ClusterRole) o).getRules()).allSatisfy(r ->
            assertThat(((PolicyRule) r).getVerbs()).isSubsetOf("get", "list"));
    HasMetadata monitor = objects.stream().filter(o -> o.getKind().equals("ServiceMonitor")).findFirst().orElseThrow();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
  }

  @Test
  void theSchemaRejectsUnknownAndMistypedValues() {
    Chart.Run typo = Chart.helm(cluster, "template", Chart.RELEASE, Chart.dir().toString(), "--set", "replicaCont=2");
    assertThat(typo.exit()).isNotZero();
    assertThat(typo.output()).contains("replicaCont");
    Chart.Run mistyped = Chart.helm(cluster, "template", Chart.RELEASE, Chart.dir().toString(),
        "--set", "logging.format=yaml");
    assertThat(mistyped.exit()).isNotZero();
    assertThat(mistyped.output()).contains("format");
  }

  @Test
  void theChartShipsTheProjectCrd() throws Exception {
    Path crd = ControlPlane.root().resolve("crds/environmentprofiles.envprofile.dev-v1.yaml");
    assertThat(Files.readString(Chart.dir().resolve("crds").resolve(crd.getFileName()))).isEqualTo(Files.readString(crd));
  }

  @Test
  void theRulesHaveNoWildcardAndNeverDeleteAClaim() {
    List<PolicyRule> rules = Chart.render(cluster).stream().filter(o -> o instanceof ClusterRole)
        .flatMap(o -> ((ClusterRole) o).getRules().stream()).toList();
    assertThat(rules).isNotEmpty();
    for (PolicyRule r : rules) {
      assertThat(r.getVerbs()).doesNotContain("*");
      assertThat(r.getResources()).doesNotContain("*");
      assertThat(r.getApiGroups()).doesNotContain("*");
      if (r.getResources().contains("persistentvolumeclaims")) {
        assertThat(r.getVerbs()).isSubsetOf("get", "list", "watch"); // read only: never deleted, never written
      }
    }
  }

  @Test
  void theChartsServiceAccountIsDeniedWhatTheOperatorDoesNotNeed() {
    Chart.install(cluster);
    try (KubernetesClient sa = Chart.operatorClient(cluster)) {
      assertThat(allowed(sa, "", "secrets", "list", namespace)).isTrue();
      assertThat(allowed(sa, "apps", "statefulsets", "create", namespace)).isTrue();
      assertThat(allowed(sa, "", "persistentvolumeclaims", "delete", namespace)).isFalse();
      assertThat(allowed(sa, "apps", "deployments", "delete", namespace)).isFalse();
      assertThat(allowed(sa, "apps", "deployments", "create", namespace)).isFalse();
      assertThat(allowed(sa, "", "configmaps", "delete", namespace)).isFalse();
      assertThat(allowed(sa, "", "pods", "list", namespace)).isFalse();
      assertThat(allowed(sa, "", "nodes", "list", null)).isFalse();
      assertThat(allowed(sa, "rbac.authorization.k8s.io", "clusterroles", "create", null)).isFalse();
      // The Lease by name only; create cannot be limited by name and has a rule of its own.
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "update", Chart.NAMESPACE, "envprofile-operator")).isTrue();
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "patch", Chart.NAMESPACE, "envprofile-operator")).isTrue();
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "update", Chart.NAMESPACE, "another-lease")).isFalse();
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "get", Chart.NAMESPACE, "another-lease")).isFalse();
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "create", Chart.NAMESPACE)).isTrue();
      assertThat(allowed(sa, "coordination.k8s.io", "leases", "update", namespace, "envprofile-operator")).isFalse();
      // Opt-in reads a namespace's label by name, and lists none.
      assertThat(allowed(sa, "", "namespaces", "get", null, namespace)).isTrue();
      assertThat(allowed(sa, "", "namespaces", "list", null)).isFalse();
      // The revert logs: Secrets of the operator's namespace.
      assertThat(allowed(sa, "", "secrets", "create", Chart.NAMESPACE)).isTrue();
      assertThat(allowed(sa, "", "secrets", "get", Chart.NAMESPACE)).isTrue();

      // And the API server enforces it: deleting a claim is refused.
      client.persistentVolumeClaims().inNamespace(namespace).resource(new PersistentVolumeClaimBuilder()
          .withNewMetadata().withName("data").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
          .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec().build()).create();
      KubernetesClientException denied = null;
      try {
        sa.persistentVolumeClaims().inNamespace(namespace).withName("data").delete();
      } catch (KubernetesClientException e) {
        denied = e;
      }
      assertThat(denied).as("deleting a PVC as the operator").isNotNull();
      assertThat(denied.getCode()).isEqualTo(403);
      assertThat(client.persistentVolumeClaims().inNamespace(namespace).withName("data").get()).isNotNull();
    }
  }

  private static boolean allowed(KubernetesClient sa, String group, String resource, String verb, String ns) {
    return allowed(sa, group, resource, verb, ns, null);
  }

  private static boolean allowed(KubernetesClient sa, String group, String resource, String verb, String ns, String name) {
    SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
        .withGroup(group).withResource(resource).withVerb(verb).withNamespace(ns).withName(name).endResourceAttributes()
        .endSpec().build();
    return sa.authorization().v1().selfSubjectAccessReview().create(review).getStatus().getAllowed();
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind) {
    List<T> found = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    assertThat(found).as(kind.getSimpleName() + " in the rendering").hasSize(1);
    return found.get(0);
  }
}
