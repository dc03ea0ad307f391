package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.it.support.*;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A shared cluster's tenants against the operator (issue 14): each test performs an attack from a
 * tenant's namespace (as a tenant identity where RBAC matters) and asserts that it fails, while a
 * second namespace's promotion completes meanwhile.
 */
class TenancyIT extends OperatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Item 1: a tenant who can write Secrets (not workloads) forges the revert log. */
  @Test
  void aForgedRevertLogGrantsNoPrivilege() throws Exception {
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    profile.getSpec().deletionPolicy = DeletionPolicy.Revert;
    applyAsUser(List.of(profile));
    String name = profile.getMetadata().getName();
    waitForPhase(name, Phase.Promoted);
    String uid = live(name).getMetadata().getUid();
    String logName = "envprofile-revert-" + uid;

    meanwhileAnotherNamespacePromotes(() -> {
      try (KubernetesClient tenant = tenantWhoMayWriteSecrets()) {
        // The tenant cannot write where the log is.
        assertThatThrownBy(() -> tenant.secrets().inNamespace(Chart.NAMESPACE).resource(new SecretBuilder()
            .withNewMetadata().withName(logName).endMetadata().build()).create())
            .isInstanceOf(KubernetesClientException.class).extracting("code").isEqualTo(403);
        // The log older releases kept, forged in the tenant's namespace with every privilege.
        ObjectNode api = entry("apps/v1", privilegedEdits());
        ObjectNode service = entry("v1", edits("""
            [{"op":"remove","path":"/spec/externalIPs","o":["203.0.113.7"]}]"""));
        ObjectNode policy = entry("networking.k8s.io/v1", edits("""
            [{"op":"add","path":"/spec/podSelector","w":{}},{"op":"remove","path":"/spec/ingress","o":[{}]}]"""));
        tenant.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
            .withName(name + "-envprofile-revert")
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGER).addToLabels("envprofile.dev/role", "revert-log").endMetadata()
            .addToData(Map.of("Deployment.api", gz(api), "Service.api", gz(service),
                "NetworkPolicy.envprofile-default-deny", gz(policy))).build()).create();
      }
      // Defence in depth: even the real log, if an administrator's mistake let it say so, grants nothing.
      Secret real = client.secrets().inNamespace(Chart.NAMESPACE).withName(logName).get();
      assertThat(real).as("the log in the operator's namespace").isNotNull();
      Map<String, String> data = new java.util.HashMap<>(real.getData());
      ObjectNode web = (ObjectNode) JSON.readTree(gunzip(data.get("Deployment.web")));
      ((ArrayNode) web.get("edits")).addAll(privilegedEdits());
      data.put("Deployment.web", gz(web));
      data.put("Service.web", gz(entry("v1", edits("""
          [{"op":"remove","path":"/spec/externalIPs","o":["203.0.113.7"]}]"""))));
      real.setData(data);
      client.secrets().inNamespace(Chart.NAMESPACE).resource(real).update();

      client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(name).delete();
      eventually().atMost(Duration.ofSeconds(90)).until(() -> live(name) == null);
    });

    for (String d : List.of("api", "web")) {
      PodSpec pod = client.apps().deployments().inNamespace(namespace).withName(d).get().getSpec().getTemplate().getSpec();
      assertThat(pod.getHostPID()).as(d + " hostPID").isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostNetwork()).as(d + " hostNetwork").isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getServiceAccountName()).as(d + " serviceAccountName").isIn(null, "default");
      assertThat(pod.getVolumes()).as(d + " volumes").noneMatch(v -> v.getHostPath() != null);
      assertThat(pod.getContainers()).as(d + " containers").noneMatch(c -> c.getSecurityContext() != null
          && (Boolean.TRUE.equals(c.getSecurityContext().getPrivileged()) || c.getSecurityContext().getCapabilities() != null
          && c.getSecurityContext().getCapabilities().getAdd() != null && !c.getSecurityContext().getCapabilities().getAdd().isEmpty()));
    }
    for (var s : client.services().inNamespace(namespace).list().getItems()) {
      assertThat(s.getSpec().getExternalIPs()).as("externalIPs of " + s.getMetadata().getName()).isNullOrEmpty();
    }
    assertThat(client.secrets().inNamespace(namespace).withName(name + "-envprofile-revert").get())
        .as("the forged in-namespace log is deleted with the profile").isNull();
    assertThat(client.secrets().inNamespace(Chart.NAMESPACE).withName(logName).get()).isNull();
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .anyMatch(e -> "RevertRefused".equals(e.getReason()) && e.getMessage().contains("privileged"));
    // And the Revert itself still happened: the promotion's edits are given back.
    assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("postgres").get().getSpec().getReplicas()).isEqualTo(1);
  }

  /** Item 2: a ~1 MB gzip entry inflating to ~900 MB, read on every Enforce reconcile. */
  @Test
  void aDecompressionBombIsADegradedProfileNotACrash() throws Exception {
    String bomb = Base64.getEncoder().encodeToString(zeros(900));
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    String name = profile.getMetadata().getName();
    // The tenant plants it where the log used to be: never read.
    applyAsUser(List.of(new SecretBuilder().withNewMetadata().withName(name + "-envprofile-revert")
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGER).addToLabels("envprofile.dev/role", "revert-log").endMetadata()
        .addToData("Deployment.api", bomb).build()));
    applyAsUser(List.of(profile));
    waitForPhase(name, Phase.Promoted);
    String logName = "envprofile-revert-" + live(name).getMetadata().getUid();

    meanwhileAnotherNamespacePromotes(() -> {
      // The same bomb in the operator's own log (a corrupted or hand-edited Secret) makes the profile Degraded.
      Secret real = client.secrets().inNamespace(Chart.NAMESPACE).withName(logName).get();
      real.setData(Map.of("Deployment.api", bomb));
      client.secrets().inNamespace(Chart.NAMESPACE).resource(real).update();
      poke(name);
      eventually().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        EnvironmentProfile p = live(name);
        assertThat(p.getStatus().phase).isEqualTo(Phase.Degraded);
        assertThat(condition(p, "Ready").getReason()).isEqualTo("RevertLogUnreadable");
      });
      assertThat(client.v1().events().inNamespace(namespace).list().getItems())
          .anyMatch(e -> "RevertLogUnreadable".equals(e.getReason()) && e.getMessage().contains("MiB"));
    });
    // Once an administrator deletes the bad log, the profile recovers.
    client.secrets().inNamespace(Chart.NAMESPACE).withName(logName).delete();
    poke(name);
    waitForPhase(name, Phase.Promoted);
  }

  /** Item 6: a Deployment replaced by a StatefulSet keeps no credential literal at 0 replicas. */
  @Test
  void noWorkloadKeepsAMovedCredentialAsALiteral() {
    List<HasMetadata> input = sample("shop");
    applyAsUser(input);
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    Set<String> credentials = Engine.credentialValues(input, Engine.settings(namespace, profile.getSpec()));
    assertThat(credentials).isNotEmpty();
    meanwhileAnotherNamespacePromotes(() -> {
      applyAsUser(List.of(profile));
      waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    });
    Deployment postgres = client.apps().deployments().inNamespace(namespace).withName("postgres").get();
    assertThat(postgres.getSpec().getReplicas()).isZero();
    EnvVar password = postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals("POSTGRES_PASSWORD")).findFirst().orElseThrow();
    assertThat(password.getValue()).isNull();
    assertThat(password.getValueFrom().getSecretKeyRef()).isNotNull();
    List<String> literals = new ArrayList<>();
    List<HasMetadata> workloads = new ArrayList<>();
    workloads.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
    workloads.addAll(client.apps().statefulSets().inNamespace(namespace).list().getItems());
    workloads.addAll(client.apps().daemonSets().inNamespace(namespace).list().getItems());
    workloads.addAll(client.batch().v1().cronjobs().inNamespace(namespace).list().getItems());
    for (HasMetadata w : workloads) {
      String json = client.getKubernetesSerialization().asJson(w);
      for (String v : credentials) {
        if (v.length() >= 6 && json.contains("\"value\":" + JSON.valueToTree(v))) {
          literals.add(w.getKind() + "/" + w.getMetadata().getName());
        }
      }
    }
    assertThat(literals).as("workloads that still hold a moved credential as a literal").isEmpty();
    assertThat(condition(live(profile.getMetadata().getName()), "SecretsReady").getStatus()).isEqualTo("True");
  }

  /** Item 4: a profile names another team's secrets, a cluster-wide issuer, a storage class, the whole Internet and kube-system. */
  @Test
  void aProfileOutsideTheAdministratorsPolicyIsRefusedAndWritesNothing() {
    installExternalSecretsCrd();
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = profile("borrow", """
        tier: production
        secrets:
          provider: ExternalSecret
          externalSecret: {secretStoreRef: {kind: ClusterSecretStore, name: vault}, remoteKeyTemplate: "team-b/{name}"}
        tls: {clusterIssuer: internal-ca}
        storage: {storageClassName: premium}
        network: {egressCIDRs: ["0.0.0.0/0"], ingressControllerNamespace: kube-system}
        """);
    meanwhileAnotherNamespacePromotes(() -> {
      applyAsUser(List.of(profile));
      eventually().untilAsserted(() -> {
        var valid = condition(live("borrow"), "Valid");
        assertThat(valid.getStatus()).isEqualTo("False");
        assertThat(valid.getReason()).isEqualTo("PolicyViolation");
        assertThat(valid.getMessage()).contains(
            "spec.secrets.externalSecret.secretStoreRef: ClusterSecretStore/vault is not allowed",
            "remoteKeyTemplate: 'team-b/{name}' must start with '{namespace}/'",
            "spec.tls.clusterIssuer: 'internal-ca' is not allowed",
            "spec.storage.storageClassName: 'premium' is not allowed",
            "spec.network.egressCIDRs: '0.0.0.0/0' is not allowed",
            "spec.network.ingressControllerNamespace: 'kube-system' is not allowed");
      });
      assertThat(client.v1().events().inNamespace(namespace).list().getItems())
          .anyMatch(e -> "PolicyViolation".equals(e.getReason()) && e.getMessage().contains("ClusterSecretStore/vault"));
    });
    // Nothing written: no generated object, no ExternalSecret, no field of any object owned by the operator, no log.
    assertNothingWrittenIn(namespace);
    assertThat(client.genericKubernetesResources("external-secrets.io/v1", "ExternalSecret").inNamespace(namespace)
        .list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace(Chart.NAMESPACE).withName("envprofile-revert-" + live("borrow").getMetadata().getUid())
        .get()).isNull();

    // Inside the policy (the namespace's own SecretStore, keys under the namespace), the same profile promotes.
    profile.getSpec().secrets.externalSecret.secretStoreRef.kind = dev.envprofile.api.ExternalSecretSpec.StoreKind.SecretStore;
    profile.getSpec().secrets.externalSecret.remoteKeyTemplate = "{namespace}/{name}";
    profile.getSpec().tls = null;
    profile.getSpec().storage = null;
    profile.getSpec().network = null;
    applyAsUser(List.of(profile));
    eventually().untilAsserted(() -> assertThat(client.genericKubernetesResources("external-secrets.io/v1", "ExternalSecret")
        .inNamespace(namespace).list().getItems()).isNotEmpty().allSatisfy(e -> assertThat(e.toString())
        .contains("kind=SecretStore").contains("key=" + namespace + "/")));
  }

  /** Opt-in: a namespace that is not enabled is left alone until an administrator labels it; a system namespace always. */
  @Test
  void onlyEnabledNamespacesArePromotedAndSystemNamespacesNever() {
    client.namespaces().withName(namespace).edit(n -> {
      n.getMetadata().getLabels().remove(dev.envprofile.operator.policy.NamespaceGate.ENABLED_LABEL);
      return n;
    });
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    String name = profile.getMetadata().getName();
    EnvironmentProfile inKubeSystem = profile("intruder", "tier: production");
    inKubeSystem.getMetadata().setNamespace("kube-system");
    meanwhileAnotherNamespacePromotes(() -> {
      applyAsUser(List.of(profile));
      client.resource(inKubeSystem).fieldManager(TEST_MANAGER).serverSideApply();
      eventually().untilAsserted(() -> {
        var valid = condition(live(name), "Valid");
        assertThat(valid.getReason()).isEqualTo("NamespaceNotEnabled");
        assertThat(valid.getMessage()).contains("envprofile.dev/enabled=true");
      });
    });
    assertNothingWrittenIn(namespace);
    EnvironmentProfile intruder = client.resources(EnvironmentProfile.class).inNamespace("kube-system").withName("intruder").get();
    assertThat(intruder.getStatus()).as("no status written in kube-system").isNull();
    assertThat(intruder.getMetadata().getFinalizers()).as("no finalizer written in kube-system").isNullOrEmpty();
    client.resource(intruder).delete();

    // An administrator opts the namespace in: it is promoted without anything else changing.
    client.namespaces().withName(namespace).edit(n -> {
      n.getMetadata().getLabels().put(dev.envprofile.operator.policy.NamespaceGate.ENABLED_LABEL, "true");
      return n;
    });
    waitForPhase(name, Phase.Promoted);
  }

  /** The chart's ValidatingAdmissionPolicy: the API server refuses the operator's identity a tls Secret and kube-system. */
  @Test
  void theApiServerRefusesTheOperatorsIdentityWritesOutsideItsBounds() {
    meanwhileAnotherNamespacePromotes(() -> {
      try (KubernetesClient operator = Chart.operatorClient(cluster)) {
        // RBAC grants Secret create in every namespace: only the admission policy stands in the way.
        Secret tls = new SecretBuilder().withNewMetadata().withName("stolen-tls").withNamespace(namespace).endMetadata()
            .withType("kubernetes.io/tls").addToStringData("tls.crt", "x").addToStringData("tls.key", "y").build();
        eventually().untilAsserted(() -> assertThatThrownBy(() -> operator.resource(tls).create())
            .isInstanceOf(KubernetesClientException.class).hasMessageContaining("ValidatingAdmissionPolicy")
            .hasMessageContaining("only Secrets of type Opaque"));
        Secret system = new SecretBuilder().withNewMetadata().withName("planted").withNamespace("kube-system").endMetadata()
            .addToStringData("k", "v").build();
        assertThatThrownBy(() -> operator.resource(system).create()).isInstanceOf(KubernetesClientException.class)
            .hasMessageContaining("ValidatingAdmissionPolicy").hasMessageContaining("never writes in a system namespace");
        Secret own = new SecretBuilder().withNewMetadata().withName("not-a-log").withNamespace(Chart.NAMESPACE).endMetadata()
            .addToStringData("k", "v").build();
        assertThatThrownBy(() -> operator.resource(own).create()).isInstanceOf(KubernetesClientException.class)
            .hasMessageContaining("only its revert logs");
        // The same identity may still write an Opaque Secret where it works.
        Secret fine = new SecretBuilder().withNewMetadata().withName("fine").withNamespace(namespace).endMetadata()
            .addToStringData("k", "v").build();
        assertThat(operator.resource(fine).create().getType()).isEqualTo("Opaque");
        operator.resource(fine).delete();
      }
    });
    assertThat(client.secrets().inNamespace("kube-system").withName("planted").get()).isNull();
    assertThat(client.secrets().inNamespace(namespace).withName("stolen-tls").get()).isNull();
  }

  // --- helpers

  /** No object of the namespace has a field the operator manages, and none carries its managed-by label. */
  private void assertNothingWrittenIn(String ns) {
    List<HasMetadata> all = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : dev.envprofile.operator.reconciler.WatchedKinds.KINDS) {
      all.addAll(client.resources(kind).inNamespace(ns).list().getItems());
    }
    all.addAll(client.secrets().inNamespace(ns).list().getItems());
    assertThat(all).as("objects in " + ns).isNotEmpty();
    assertThat(all).as("objects the operator wrote in " + ns).noneMatch(o -> Labels.isManaged(o)
        || o.getMetadata().getManagedFields().stream().anyMatch(f -> Labels.MANAGER.equals(f.getManager())));
  }

  // --- more helpers

  /** Runs {@code attack} while a second namespace is promoted, and asserts that promotion completes. */
  private void meanwhileAnotherNamespacePromotes(ThrowingRunnable attack) {
    String main = namespace;
    String other = namespace + "-b";
    client.namespaces().resource(enabledNamespace(other)).create();
    try {
      namespace = other;
      applyAsUser(sample("shop"));
      EnvironmentProfile p = sampleProfileOnTestStorage("shop", "production-secret");
      applyAsUser(List.of(p));
      namespace = main;
      attack.run();
      namespace = other;
      waitForPhase(p.getMetadata().getName(), Phase.Promoted);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      namespace = main;
      client.namespaces().withName(other).delete();
    }
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** A new object in the namespace: an event the operator watches, so the profile is reconciled. */
  private void poke(String name) {
    client.configMaps().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("poke-" + Long.toHexString(System.nanoTime())).endMetadata()
        .addToData("GREETING", "hello").build()).create();
  }

  /** A ServiceAccount of the tenant's namespace that may write Secrets there, and nothing else. */
  private KubernetesClient tenantWhoMayWriteSecrets() {
    client.serviceAccounts().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
        .withNewMetadata().withName("tenant").endMetadata().build()).create();
    client.rbac().roles().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
        .withNewMetadata().withName("secrets-writer").endMetadata()
        .addNewRule().withApiGroups("").withResources("secrets").withVerbs("get", "list", "create", "update", "patch")
        .endRule().build()).create();
    client.rbac().roleBindings().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
        .withNewMetadata().withName("tenant-secrets").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("secrets-writer").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("tenant").withNamespace(namespace).endSubject().build()).create();
    String token = client.serviceAccounts().inNamespace(namespace).withName("tenant")
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus().getToken();
    Config a = client.getConfiguration();
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(a.getMasterUrl())
        .withCaCertFile(a.getCaCertFile()).withCaCertData(a.getCaCertData()).withOauthToken(token).build()).build();
  }

  /** Edits that would make a container privileged, with the host's PID namespace, root filesystem and another identity. */
  private static ArrayNode privilegedEdits() {
    return edits("""
        [{"op":"remove","path":"/spec/template/spec/hostPID","o":true},
         {"op":"remove","path":"/spec/template/spec/hostNetwork","o":true},
         {"op":"remove","path":"/spec/template/spec/serviceAccountName","o":"envprofile-operator"},
         {"op":"remove","path":"/spec/template/spec/volumes","o":[{"name":"host","hostPath":{"path":"/"}}]},
         {"op":"remove","path":"/spec/template/spec/containers/0/securityContext/privileged","o":true},
         {"op":"remove","path":"/spec/template/spec/containers/0/securityContext/capabilities/add","o":["SYS_ADMIN"]},
         {"op":"replace","path":"/spec/template/spec/containers/0/securityContext","o":{"privileged":true},
          "w":{"allowPrivilegeEscalation":false}}]""");
  }

  private static ArrayNode edits(String json) {
    try {
      return (ArrayNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode entry(String apiVersion, ArrayNode edits) {
    ObjectNode e = JSON.createObjectNode().put("apiVersion", apiVersion);
    e.set("edits", edits);
    return e;
  }

  private static String gz(ObjectNode node) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(JSON.writeValueAsBytes(node));
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static byte[] gunzip(String base64) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return in.readAllBytes();
    }
  }

  /** {@code mib} MiB of zeros, gzipped: about a thousandth of the size. */
  private static byte[] zeros(int mib) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      byte[] mb = new byte[1 << 20];
      for (int i = 0; i < mib; i++) {
        gz.write(mb);
      }
    }
    return bytes.toByteArray();
  }
}
