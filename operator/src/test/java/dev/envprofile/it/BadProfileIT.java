package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.it.support.*;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad profiles. Every CEL rule, enum, range and pattern of the CRD is enforced by the API server
 * with a message naming the field (HTTP 422, nothing stored). A profile the schema accepts but the
 * engine cannot use gets Valid=False and an Event; the operator stays up and recovers when the
 * profile is fixed.
 */
class BadProfileIT extends OperatorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "tier: prod                                                         | spec.tier",
      "tier: production; mode: Dry                                        | spec.mode",
      "tier: production; deletionPolicy: Delete                          | spec.deletionPolicy",
      "tier: production; parityTarget: 101                               | spec.parityTarget",
      "tier: production; secrets: {provider: Vault}                      | spec.secrets.provider",
      "tier: production; secrets: {provider: ExternalSecret}             | secrets.externalSecret is required",
      "tier: production; secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: s, kind: Store}}} | spec.secrets.externalSecret.secretStoreRef.kind",
      "tier: production; secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: s}, refreshInterval: soon}} | spec.secrets.externalSecret.refreshInterval",
      "tier: production; storage: {size: lots}                           | spec.storage.size",
      "tier: production; storage: {accessModes: [ReadWriteSometimes]}    | spec.storage.accessModes[0]",
      "tier: production; network: {externalEgress: Open}                 | spec.network.externalEgress",
      "tier: production; network: {unknownPeers: Allow}                  | spec.network.unknownPeers",
      "tier: production; tls: {clusterIssuer: a, issuer: b}              | set clusterIssuer or issuer, not both",
      "tier: production; workloads: {minReplicas: 0}                     | spec.workloads.minReplicas",
      "tier: production; workloads: {minReplicas: 1001}                  | spec.workloads.minReplicas",
      "tier: production; workloads: {podSecurity: strict}                | spec.workloads.podSecurity",
      "tier: production; workloads: {minReplicas: 5, autoscaling: {maxReplicas: 2}} | maxReplicas must be at least",
      "tier: production; workloads: {autoscaling: {targetCPUUtilizationPercentage: 0}} | spec.workloads.autoscaling.targetCPUUtilizationPercentage",
      "tier: production; workloads: {autoscaling: {maxReplicas: 0}}      | spec.workloads.autoscaling.maxReplicas",
  })
  void theApiServerRefusesAProfileThatBreaksTheSchema(String spec, String message) {
    String yaml = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: bad, namespace: "
        + namespace + "}\nspec:\n" + spec.replace("; ", "\n").indent(2);
    var p = client.getKubernetesSerialization().unmarshal(yaml, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    assertThatThrownBy(() -> client.resource(p).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getStatus().getMessage()).contains(message);
        });
    assertThat(live("bad")).as("nothing stored").isNull();
  }

  @Test
  void aProfileTheEngineCannotUseIsReportedAndTheOperatorRecovers() {
    applyAsUser(sample("shop"));
    applyAsUser(List.of(profile("p", "tier: production\nsecrets: {extraKeyPatterns: [\"(unclosed\"]}")));
    eventually().untilAsserted(() -> {
      var c = condition(live("p"), "Valid");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("InvalidSpec");
      assertThat(c.getMessage()).contains("spec.secrets.extraKeyPatterns[0]");
    });
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .anyMatch(e -> "InvalidSpec".equals(e.getReason()) && e.getMessage().contains("extraKeyPatterns"));
    assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).as("nothing applied").isEmpty();

    applyAsUser(List.of(profile("p", "tier: production\nsecrets: {extraKeyPatterns: [\"^INTERNAL_\"]}\nstorage: {}")));
    eventually().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(condition(live("p"), "Valid").getStatus()).isEqualTo("True"));
  }
}
