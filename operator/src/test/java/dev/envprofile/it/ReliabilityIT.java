package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Labels;
import dev.envprofile.it.support.*;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conflicts, foreign objects, deletion mid-promotion and a namespace that changes under the
 * operator, on the real control plane. Each scenario ends by checking that nothing was lost: every
 * reference resolves, every claim is kept, every container's effective environment is unchanged.
 */
class ReliabilityIT extends OperatorTest {

  @Test
  void anotherManagersFieldsSurviveTheOperatorsWrites() {
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = production();
    applyAsUser(List.of(profile));
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);

    // A second tool owns an annotation and the revision history of the api Deployment, and sets
    // replicas back, all with its own field manager, between the operator's reads and writes.
    client.apps().deployments().inNamespace(namespace).withName("api").patch(
        new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("team-tool").withForce(true).build(),
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","annotations":{"team.example.com/owner":"payments"}},
         "spec":{"replicas":1,"revisionHistoryLimit":4}}""");
    eventually().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName("api").get();
      assertThat(d.getSpec().getReplicas()).as("drift restored").isEqualTo(3);
      assertThat(d.getMetadata().getAnnotations()).containsEntry("team.example.com/owner", "payments");
      assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(4);
    });
    assertThat(new NothingLost(client, namespace).unresolved()).isEmpty();
  }

  @Test
  void foreignObjectsHoldingGeneratedNamesAreNeitherAdoptedNorOverwritten() {
    applyAsUser(sample("shop"));
    List<HasMetadata> foreign = List.of(
        new ServiceBuilder().withNewMetadata().withName("postgres-headless").endMetadata().withNewSpec()
            .addNewPort().withPort(1234).endPort().withSelector(java.util.Map.of("foreign", "yes")).endSpec().build(),
        new NetworkPolicyBuilder().withNewMetadata().withName("web-envprofile").endMetadata().withNewSpec()
            .withNewPodSelector().addToMatchLabels("foreign", "yes").endPodSelector().endSpec().build(),
        new StatefulSetBuilder().withNewMetadata().withName("redis").endMetadata().withNewSpec().withReplicas(0)
            .withServiceName("redis-foreign").withNewSelector().addToMatchLabels("foreign", "redis").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("foreign", "redis").endMetadata().withNewSpec()
            .addNewContainer().withName("c").withImage("example/foreign:1").endContainer().endSpec().endTemplate()
            .endSpec().build());
    applyAsUser(foreign);
    EnvironmentProfile profile = production();
    applyAsUser(List.of(profile));
    eventually().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(live(profile.getMetadata().getName())
        .getStatus().findings).filteredOn(f -> f.check.equals("promotion.name-conflict")).extracting(f -> f.object)
        .contains("Service/postgres-headless", "NetworkPolicy/web-envprofile", "StatefulSet/redis"));
    // Without its own policy web would sit behind the default deny: no policy of the set is written.
    assertThat(live(profile.getMetadata().getName()).getStatus().findings).extracting(f -> f.check)
        .contains("promotion.policy-refused");
    assertThat(client.network().v1().networkPolicies().inNamespace(namespace).list().getItems())
        .extracting(p -> p.getMetadata().getName()).containsExactly("web-envprofile");
    var network = live(profile.getMetadata().getName()).getStatus().conditions.stream()
        .filter(c -> c.getType().equals("NetworkReady")).findFirst().orElseThrow();
    assertThat(network.getStatus()).isEqualTo("False");
    assertThat(network.getReason()).isEqualTo("PolicyRefused");
    for (HasMetadata f : foreign) {
      HasMetadata now = client.resource(f).get();
      assertThat(now.getMetadata().getLabels()).as(f.getKind() + " not labelled as ours").doesNotContainKey(Labels.MANAGED_BY);
      assertThat(now.getMetadata().getOwnerReferences()).as(f.getKind() + " not adopted").isEmpty();
    }
    assertThat(client.services().inNamespace(namespace).withName("postgres-headless").get().getSpec().getPorts().get(0)
        .getPort()).isEqualTo(1234);
    assertThat(client.apps().statefulSets().inNamespace(namespace).withName("redis").get().getSpec().getServiceName())
        .isEqualTo("redis-foreign");
    // The Deployment whose StatefulSet name is taken keeps serving.
    assertThat(client.apps().deployments().inNamespace(namespace).withName("redis").get().getSpec().getReplicas()).isEqualTo(1);
  }

  @ParameterizedTest(name = "deletionPolicy {0}")
  @EnumSource(DeletionPolicy.class)
  void aProfileDeletedMidPromotionLeavesAConsistentNamespace(DeletionPolicy policy) {
    applyAsUser(sample("shop"));
    NothingLost check = new NothingLost(client, namespace);
    NothingLost.Snapshot before = check.snapshot();
    EnvironmentProfile profile = production();
    profile.getSpec().storage.storageClassName = "held"; // no volume: the StatefulSets never become ready
    profile.getSpec().deletionPolicy = policy;
    applyAsUser(List.of(profile));
    eventually().until(() -> client.apps().statefulSets().inNamespace(namespace).list().getItems().size() == 3);
    waitForPhase(profile.getMetadata().getName(), Phase.Promoting);
    List<String> claims = client.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
        .map(c -> c.getMetadata().getName()).toList();

    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(profile.getMetadata().getName()).delete();
    eventually().atMost(Duration.ofSeconds(90)).until(() -> live(profile.getMetadata().getName()) == null);

    assertThat(check.problems(before, profile)).as("broken or lost after deleting mid-promotion").isEmpty();
    assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).extracting(c -> c.getMetadata().getName())
        .containsAll(claims);
    for (String db : List.of("postgres", "redis", "minio")) {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName(db).get();
      assertThat(d.getSpec().getReplicas()).as(db + " still serves: it was never scaled down").isEqualTo(1);
    }
    if (policy == DeletionPolicy.Revert) {
      assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
      assertThat(client.secrets().inNamespace(namespace).list().getItems()).noneMatch(Labels::isManaged);
    } else {
      assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems())
          .allMatch(s -> s.getMetadata().getOwnerReferences().isEmpty());
    }
  }

  @Test
  void theNamespaceChangingDuringAPromotionConvergesToTheRightState() {
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = production();
    profile.getSpec().storage.storageClassName = "held";
    applyAsUser(List.of(profile));
    eventually().until(() -> client.apps().statefulSets().inNamespace(namespace).list().getItems().size() == 3);

    // While the StatefulSets wait for volumes: a Deployment goes, a ConfigMap gets a new
    // credential, the Ingress gets a second host.
    client.apps().deployments().inNamespace(namespace).withName("web").delete();
    // The operator writes these objects meanwhile: a user's edit that meets a conflict is retried, as kubectl's would be.
    retryOnConflict(() -> client.configMaps().inNamespace(namespace).withName("api-env").edit(cm -> {
      cm.getData().put("STRIPE_API_KEY", "sk-live-changed-midway-0001");
      return cm;
    }));
    retryOnConflict(() -> client.network().v1().ingresses().inNamespace(namespace).withName("shop").edit(i -> {
      var rule = new io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder(i.getSpec().getRules().get(0))
          .withHost("admin.shop.example.com").build();
      i.getSpec().getRules().add(rule);
      return i;
    }));
    NothingLost check = new NothingLost(client, namespace);
    NothingLost.Snapshot before = check.snapshot();

    // Volumes arrive: the promotion completes with the namespace as it is now.
    bindHeldClaims();
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    assertThat(check.problems(before, profile)).as("broken or lost").isEmpty();
    assertThat(client.configMaps().inNamespace(namespace).withName("api-env").get().getData()).doesNotContainKey("STRIPE_API_KEY");
    assertThat(client.secrets().inNamespace(namespace).withName("api-env-secret").get().getData()).containsKey("STRIPE_API_KEY");
    var tls = client.network().v1().ingresses().inNamespace(namespace).withName("shop").get().getSpec().getTls();
    assertThat(tls).flatExtracting(t -> t.getHosts()).contains("shop.example.com", "admin.shop.example.com");
    assertThat(client.network().v1().networkPolicies().inNamespace(namespace).withName("web-envprofile").get())
        .as("no policy for a workload that is gone").isNull();
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace(namespace).withName("web-pdb").get()).isNull();
  }

  @Test
  void aRefusedWriteIsRetriedWithBackoffWithoutAnyOtherEvent() {
    // An admission policy refuses the operator's Deployment updates while a switch ConfigMap in
    // another namespace exists (its removal is no event the profile's reconciler watches).
    String switches = namespace + "-switch";
    client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(switches).endMetadata().build()).create();
    client.configMaps().inNamespace(switches).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("refuse").endMetadata().addToData("user", OPERATOR_USER).build()).create();
    String policy = namespace + "-refuse";
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: %s}
        spec:
          failurePolicy: Fail
          paramKind: {apiVersion: v1, kind: ConfigMap}
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [UPDATE], resources: [deployments]}
          validations:
          - expression: "request.userInfo.username != params.data.user"
            message: refused by the test policy
        """.formatted(policy), HasMetadata.class)).create();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: %s}
        spec:
          policyName: %s
          validationActions: [Deny]
          paramRef: {name: refuse, namespace: %s, parameterNotFoundAction: Allow}
          matchResources:
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: %s}}
        """.formatted(policy, policy, switches, namespace), HasMetadata.class)).create();
    try {
      awaitPolicyInForce();
      applyAsUser(sample("shop"));
      EnvironmentProfile profile = production();
      applyAsUser(List.of(profile));
      eventually().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
          assertThat(condition(live(profile.getMetadata().getName()), "Ready").getReason()).isEqualTo("ApplyFailed"));
      assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas())
          .as("the refused write did not happen").isEqualTo(1);

      // Let the namespace settle (StatefulSets ready, no more events), then lift the refusal.
      eventually().untilAsserted(() -> assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems())
          .hasSize(3).allMatch(st -> st.getStatus() != null && Integer.valueOf(1).equals(st.getStatus().getReadyReplicas())));
      try {
        Thread.sleep(8_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      client.configMaps().inNamespace(switches).withName("refuse").delete();
      waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
      assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas()).isEqualTo(3);
    } finally {
      client.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(policy).delete();
      client.admissionRegistration().v1().validatingAdmissionPolicies().withName(policy).delete();
      client.namespaces().withName(switches).delete();
    }
  }

  /** The API server compiles admission policies asynchronously: probe until the operator is refused. */
  private void awaitPolicyInForce() {
    applyAsUser(load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: probe}
        spec:
          replicas: 0
          selector: {matchLabels: {app: probe}}
          template:
            metadata: {labels: {app: probe}}
            spec: {containers: [{name: c, image: example/probe:1}]}
        """));
    try (var operator = Chart.operatorClient(cluster)) {
      eventually().untilAsserted(() -> {
        KubernetesClientException refused = null;
        try {
          operator.apps().deployments().inNamespace(namespace).withName("probe").edit(d -> {
            d.getMetadata().setAnnotations(java.util.Map.of("probe", String.valueOf(System.nanoTime())));
            return d;
          });
        } catch (KubernetesClientException e) {
          refused = e;
        }
        assertThat(refused).as("the operator's update is refused").isNotNull();
      });
    }
    client.apps().deployments().inNamespace(namespace).withName("probe").delete();
    eventually().until(() -> client.apps().deployments().inNamespace(namespace).withName("probe").get() == null);
  }

  private EnvironmentProfile production() {
    return sampleProfileOnTestStorage("shop", "production-secret");
  }

  private static void retryOnConflict(Runnable edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        edit.run();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }
}
