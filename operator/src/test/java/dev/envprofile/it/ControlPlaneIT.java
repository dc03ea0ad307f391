package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.it.support.*;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves that the test control plane is a real one: what a mock server cannot do. */
class ControlPlaneIT extends ClusterTest {
  private static final ResourceDefinitionContext PROFILES = new ResourceDefinitionContext.Builder()
      .withGroup("envprofile.dev").withVersion("v1alpha1").withPlural("environmentprofiles").withKind("EnvironmentProfile")
      .withNamespaced(true).build();

  private GenericKubernetesResource profile(String spec) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: %s}
        spec:
        %s""".formatted(namespace, spec.indent(2)), GenericKubernetesResource.class);
  }

  @Test
  void theCrdValidatesProfilesWithCelRulesAndEnums() {
    client.genericKubernetesResources(PROFILES).inNamespace(namespace).resource(profile("tier: production")).create();
    assertThatThrownBy(() -> client.genericKubernetesResources(PROFILES).inNamespace(namespace)
        .resource(profile("tier: production\nsecrets: {provider: ExternalSecret}")).createOr(r -> r.update()))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("externalSecret");
        });
    assertThatThrownBy(() -> client.genericKubernetesResources(PROFILES).inNamespace(namespace)
        .resource(profile("tier: prod")).createOr(r -> r.update()))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.tier").contains("production");
        });
  }

  @Test
  void serverSideApplyKeepsAnotherManagersFieldsAndStatusIsSeparate() {
    ConfigMap mine = new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace(namespace).endMetadata()
        .withData(Map.of("a", "1")).build();
    client.configMaps().resource(mine).fieldManager("someone-else").serverSideApply();
    ConfigMap ours = new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace(namespace).endMetadata()
        .withData(Map.of("b", "2")).build();
    client.configMaps().resource(ours).fieldManager("envprofile-operator").serverSideApply();
    ConfigMap live = client.configMaps().inNamespace(namespace).withName("cm").get();
    assertThat(live.getData()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(live.getMetadata().getManagedFields()).extracting("manager").contains("someone-else", "envprofile-operator");

    GenericKubernetesResource p = client.genericKubernetesResources(PROFILES).inNamespace(namespace)
        .resource(profile("tier: staging")).create();
    p.setAdditionalProperty("status", Map.of("phase", "Promoted", "parity", 90));
    client.genericKubernetesResources(PROFILES).inNamespace(namespace).resource(p).updateStatus();
    GenericKubernetesResource back = client.genericKubernetesResources(PROFILES).inNamespace(namespace).withName("p").get();
    assertThat(back.getAdditionalProperties().get("status").toString()).contains("Promoted");
    assertThat(back.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void deploymentsGetReadyPodsAndStatefulSetsGetBoundClaims() {
    List<HasMetadata> objects = load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: example/web:1.0}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          replicas: 1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: "postgres:16", volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}]
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    objects.forEach(o -> client.resource(o).create());
    eventually().untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(namespace).withName("web").get();
      assertThat(d.getStatus().getReadyReplicas()).isEqualTo(2);
    });
    eventually().untilAsserted(() -> {
      PersistentVolumeClaim c = client.persistentVolumeClaims().inNamespace(namespace).withName("data-db-0").get();
      assertThat(c.getStatus().getPhase()).isEqualTo("Bound");
      StatefulSet s = client.apps().statefulSets().inNamespace(namespace).withName("db").get();
      assertThat(s.getStatus().getReadyReplicas()).isEqualTo(1);
    });
  }

  /** Issue 13, defect 10d: apps that select nodes by os, arch or hostname schedule on the fake nodes. */
  @Test
  void podsWithTheWellKnownNodeSelectorsSchedule() {
    List<HasMetadata> objects = load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: picky}
        spec:
          replicas: 1
          selector: {matchLabels: {app: picky}}
          template:
            metadata: {labels: {app: picky}}
            spec:
              nodeSelector: {kubernetes.io/os: linux, kubernetes.io/arch: amd64, kubernetes.io/hostname: kwok-node-1}
              containers: [{name: picky, image: example/picky:1.0}]
        """);
    objects.forEach(o -> client.resource(o).create());
    eventually().untilAsserted(() -> assertThat(client.apps().deployments().inNamespace(namespace).withName("picky").get()
        .getStatus().getReadyReplicas()).isEqualTo(1));
  }

  @Test
  void deletingAnOwnerGarbageCollectsWhatItOwns() {
    ConfigMap owner = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("owner")
        .withNamespace(namespace).endMetadata().build()).create();
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("owned").withNamespace(namespace)
        .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
        .withUid(owner.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
    client.configMaps().inNamespace(namespace).withName("owner").delete();
    eventually().until(() -> client.configMaps().inNamespace(namespace).withName("owned").get() == null);
  }

  @Test
  void theAuditLogRecordsEachWriteWithItsUserAndVerb() {
    AuditLog audit = cluster.auditLog();
    long mark = audit.mark();
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("counted").withNamespace(namespace)
        .endMetadata().withData(Map.of("k", "v")).build()).create();
    client.configMaps().inNamespace(namespace).withName("counted").edit(c -> {
      c.getData().put("k", "w");
      return c;
    });
    client.configMaps().inNamespace(namespace).withName("counted").get();
    eventually().untilAsserted(() -> {
      List<AuditLog.Entry> writes = audit.writes(mark, "envprofile-admin", namespace).stream()
          .filter(e -> e.resource().equals("configmaps") && e.name().equals("counted")).toList();
      assertThat(writes).extracting(AuditLog.Entry::verb).containsExactly("create", "patch"); // fabric8 edit() sends a JSON patch
    });
  }
}
