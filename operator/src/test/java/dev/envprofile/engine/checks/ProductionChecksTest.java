package dev.envprofile.engine.checks;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** security.host-ids, workload.priority-class and the dedicated service account of security.service-account-token. */
class ProductionChecksTest {
  private static final String PROD = "tier: production";

  private static String api(String podExtra, String containerExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          replicas: 3
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
        %s
              containers:
              - name: api
                image: registry.example.com/api:1.0
        %s
        """.formatted(podExtra.isEmpty() ? "" : podExtra.strip().indent(6).stripTrailing(),
        containerExtra.isEmpty() ? "" : containerExtra.strip().indent(8).stripTrailing());
  }

  @Test
  void idsInTheHostsRangeOrUnsetFailAndAreNeverRewritten() {
    CheckResult unset = result(audit(api("", ""), PROD), "security.host-ids", "api");
    assertThat(unset.passed()).isFalse();
    assertThat(unset.fixable()).isFalse();
    assertThat(unset.message()).contains("api (runAsUser unset, runAsGroup unset)").contains("10000 or above");

    String low = api("securityContext: {runAsUser: 1000, runAsGroup: 20000}", "");
    Result r = promote(low, PROD);
    assertThat(result(r, "security.host-ids", "api").message()).contains("api (runAsUser 1000)").doesNotContain("runAsGroup 20000");
    var pod = get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsUser()).as("ids are never rewritten").isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(20000L);
  }

  @Test
  void theContainersIdsOverrideThePods() {
    String ok = api("securityContext: {runAsUser: 1000, runAsGroup: 1000}", "securityContext: {runAsUser: 10001, runAsGroup: 10001}");
    assertThat(result(audit(ok, PROD), "security.host-ids", "api").passed()).isTrue();
    String initLow = api("securityContext: {runAsUser: 10001, runAsGroup: 10001}\ninitContainers: [{name: init, image: busybox:1.36, securityContext: {runAsUser: 0}}]", "");
    assertThat(result(audit(initLow, PROD), "security.host-ids", "api").message()).contains("init (runAsUser 0)");
  }

  @Test
  void priorityClassIsInfoAndReportedOnlyUnderAProductionProfile() {
    CheckResult r = result(audit(api("", ""), PROD), "workload.priority-class", "api");
    assertThat(r.passed()).isFalse();
    assertThat(r.check().counted()).as("info: not counted in parity").isFalse();
    assertThat(result(audit(api("priorityClassName: business-critical", ""), PROD), "workload.priority-class", "api")
        .passed()).isTrue();
    String globalDefault = """
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: normal}
        value: 1000
        globalDefault: true
        ---
        """ + api("", "");
    assertThat(result(audit(globalDefault, PROD), "workload.priority-class", "api").passed()).isTrue();
    for (String tier : List.of("tier: staging", "tier: local")) {
      assertThat(audit(api("", ""), tier).report().results())
          .noneMatch(x -> x.check().id().equals("workload.priority-class"));
    }
  }

  private static final String ACCOUNT = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: api}
      ---
      """;

  @Test
  void aDedicatedAccountWhoseTokenNothingUsesIsAFindingNotARewrite() {
    String m = ACCOUNT + api("serviceAccountName: api", "");
    CheckResult r = result(audit(m, PROD), "security.service-account-token", "api");
    assertThat(r.passed()).isFalse();
    assertThat(r.fixable()).isFalse();
    assertThat(r.message()).contains("ServiceAccount/api").contains("automountServiceAccountToken: false");
    Result p = promote(m, PROD);
    assertThat(get(p.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
        .as("bindings may live outside the input: never rewritten").isNull();
  }

  @Test
  void aDedicatedAccountPassesWhenSomethingShowsItsTokenIsUsedOrOff() {
    String roleBinding = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: api-reader}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects: [{kind: ServiceAccount, name: api}]
        ---
        """;
    String clusterBinding = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: api-view}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: api, namespace: shop}]
        ---
        """;
    String off = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: api}
        automountServiceAccountToken: false
        ---
        """;
    for (String m : List.of(ACCOUNT + roleBinding + api("serviceAccountName: api", ""),
        ACCOUNT + clusterBinding + api("serviceAccountName: api", ""),
        off + api("serviceAccountName: api", ""),
        ACCOUNT + api("serviceAccountName: api\nautomountServiceAccountToken: true", ""),
        api("serviceAccountName: api", ""))) {
      assertThat(result(audit(m, PROD), "security.service-account-token", "api").passed()).as(m).isTrue();
    }
    String vault = ACCOUNT + api("serviceAccountName: api", "").replace("metadata: {labels: {app: api}}",
        "metadata: {labels: {app: api}, annotations: {vault.hashicorp.com/agent-inject: \"true\"}}");
    assertThat(result(audit(vault, PROD), "security.service-account-token", "api").passed()).isTrue();
  }

  @Test
  void aClusterRoleBindingOfAnotherNamespacesAccountDoesNotCount() {
    String other = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: api-view}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: api, namespace: elsewhere}]
        ---
        """;
    assertThat(result(audit(ACCOUNT + other + api("serviceAccountName: api", ""), PROD), "security.service-account-token",
        "api").passed()).isFalse();
  }

  @Test
  void theDefaultAccountIsStillRewritten() {
    Result r = promote(api("", ""), PROD);
    assertThat(get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
        .isFalse();
    assertThat(result(r, "security.service-account-token", "api").passed()).isTrue();
  }
}
