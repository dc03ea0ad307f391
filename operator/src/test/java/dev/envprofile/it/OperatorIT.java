package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Result;
import dev.envprofile.it.support.*;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator on the real control plane: what Enforce and Audit do, and in which order. */
class OperatorIT extends OperatorTest {

  @Test
  void theLiveNamespaceEqualsTheOfflinePromotionAndANoOpReconcileWritesNothing() {
    List<HasMetadata> input = sample("shop");
    applyAsUser(input);
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    applyAsUser(List.of(profile));
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);

    Result offline = Engine.promote(sample("shop"), Engine.settings(namespace, profile.getSpec()));
    List<String> problems = LiveMatch.inCluster(client, offline.objects());
    assertThat(problems).as("live objects that differ from `promote`").isEmpty();

    Deployment source = client.apps().deployments().inNamespace(namespace).withName("postgres").get();
    assertThat(source.getSpec().getReplicas()).isZero();
    assertThat(source.getMetadata().getAnnotations()).containsEntry(Labels.PROMOTED_TO, "StatefulSet/postgres")
        .containsEntry(Labels.ORIGINAL_REPLICAS, "1");
    StatefulSet sts = client.apps().statefulSets().inNamespace(namespace).withName("postgres").get();
    assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(1);
    List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inNamespace(namespace).list().getItems();
    assertThat(claims).extracting(c -> c.getMetadata().getName()).contains("postgresql-storage-postgres-0", "data-minio-0");
    Secret secret = client.secrets().inNamespace(namespace).withName("api-env-secret").get();
    assertThat(secret.getMetadata().getOwnerReferences()).extracting("kind").containsExactly("EnvironmentProfile");
    assertThat(secret.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.MANAGER);
    assertThat(client.configMaps().inNamespace(namespace).withName("api-env").get().getData()).doesNotContainKey("JWT_SECRET");
    assertThat(client.network().v1().networkPolicies().inNamespace(namespace).list().getItems())
        .extracting(p -> p.getMetadata().getName()).contains("envprofile-default-deny", "api-envprofile");

    // A reconcile that finds everything in place writes nothing: not even the status.
    AuditLog audit = cluster.auditLog();
    long mark = audit.mark();
    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(profile.getMetadata().getName())
        .edit(p -> {
          p.getMetadata().getAnnotations().put("test/poke", "1");
          return p;
        });
    sleep(Duration.ofSeconds(6));
    assertThat(audit.writes(mark, OPERATOR_USER, namespace)).as("writes of a no-op reconcile").isEmpty();
  }

  @Test
  void anExistingJobIsReportedNotRewrittenAndThePromotionStillCompletes() {
    applyAsUser(load("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            metadata: {labels: {app: migrate}}
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: registry.example.com/migrate:1.0
                env: [{name: LOG_LEVEL, value: debug}]
        """));
    var before = client.batch().v1().jobs().inNamespace(namespace).withName("migrate").get().getSpec().getTemplate().getSpec();
    applyAsUser(List.of(profile("jobs", "tier: production")));
    var status = waitForPhase("jobs", Phase.Promoted);
    assertThat(status.conditions).filteredOn(c -> c.getType().equals("Ready")).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("Job/migrate").contains("immutable"));
    assertThat(client.batch().v1().jobs().inNamespace(namespace).withName("migrate").get().getSpec().getTemplate().getSpec()
        .getContainers()).as("the Job's containers").isEqualTo(before.getContainers());
  }

  @Test
  void auditModeWritesOnlyTheProfile() {
    applyAsUser(sample("orders"));
    AuditLog audit = cluster.auditLog();
    long mark = audit.mark();
    EnvironmentProfile profile = profile("orders", "tier: production\nmode: Audit");
    applyAsUser(List.of(profile));
    var status = waitForPhase("orders", Phase.Auditing);
    String table = cluster.kubectl("get", "envprofile", "-n", namespace);
    assertThat(table.lines().findFirst().orElse("")).containsSubsequence("NAME", "TIER", "MODE", "PARITY", "TARGET", "PHASE", "AGE");
    assertThat(table).contains("production").contains("Audit").contains(status.parity + "%").contains("Auditing");
    assertThat(status.parity).isBetween(1, 94);
    assertThat(status.findings).isNotEmpty();
    assertThat(audit.writes(mark, OPERATOR_USER, namespace)).extracting(AuditLog.Entry::resource)
        .contains("environmentprofiles").allMatch(r -> r.equals("environmentprofiles") || r.equals("events"));
    assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
  }

  @Test
  void aSecondProfileAndAnInvalidOneAreReportedNotApplied() {
    applyAsUser(List.of(profile("first", "tier: staging\nmode: Audit")));
    waitForPhase("first", Phase.Auditing);
    applyAsUser(List.of(profile("second", "tier: production")));
    waitForPhase("second", Phase.Invalid);
    assertThat(condition(live("second"), "Valid").getReason()).isEqualTo("Conflict");

    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName("first").delete();
    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName("second").delete();
    eventually().until(() -> live("first") == null && live("second") == null);
    applyAsUser(List.of(profile("bad", "tier: production\nsecrets: {extraKeyPatterns: [\"(unclosed\"]}")));
    waitForPhase("bad", Phase.Invalid);
    var valid = condition(live("bad"), "Valid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getReason()).isEqualTo("InvalidSpec");
    assertThat(valid.getMessage()).contains("extraKeyPatterns");
  }

  @Test
  void theDeploymentIsScaledDownOnlyOnceItsStatefulSetIsReady() {
    applyAsUser(load("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: files, annotations: {envprofile.dev/data-volumes: uploads}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: files}}
          template:
            metadata: {labels: {app: files}}
            spec:
              containers:
              - name: files
                image: example/files:1.0
                ports: [{containerPort: 8080}]
                volumeMounts: [{name: uploads, mountPath: /srv/uploads}]
              volumes: [{name: uploads, emptyDir: {}}]
        """));
    // Claims of the class "held" are not provisioned until the test says so.
    applyAsUser(List.of(profile("p", "tier: staging\nstorage: {storageClassName: held}")));
    eventually().until(() -> client.persistentVolumeClaims().inNamespace(namespace).withName("uploads-files-0").get() != null);
    sleep(Duration.ofSeconds(6));
    Deployment d = client.apps().deployments().inNamespace(namespace).withName("files").get();
    assertThat(d.getSpec().getReplicas()).as("still serving while the StatefulSet is not ready").isEqualTo(1);
    assertThat(live("p").getStatus().phase).isEqualTo(Phase.Promoting);

    bindHeldClaims();
    waitForPhase("p", Phase.Promoted);
    d = client.apps().deployments().inNamespace(namespace).withName("files").get();
    assertThat(d.getSpec().getReplicas()).isZero();
    assertThat(d.getMetadata().getAnnotations()).containsEntry(Labels.ORIGINAL_REPLICAS, "1");
  }

  @Test
  void driftIsRestoredAndTheDeploymentStaysTheSourceOfTheStatefulSet() {
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    applyAsUser(List.of(profile));
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);

    client.apps().deployments().inNamespace(namespace).withName("api").edit(d -> {
      d.getSpec().setReplicas(1);
      return d;
    });
    eventually().untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas()).isEqualTo(3));

    // A GitOps tool updates the image of the Deployment it owns: the StatefulSet follows.
    Deployment fromGit = sample("shop").stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals("postgres"))
        .map(Deployment.class::cast).findFirst().orElseThrow();
    fromGit.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("postgres:15.8");
    // Git holds no credential literal: at cutover the Deployment's env reads the password from the
    // Secret, as its StatefulSet's does (a literal re-applied next to valueFrom is refused, docs/gitops.md).
    fromGit.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(client.apps().deployments()
        .inNamespace(namespace).withName("postgres").get().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
    fromGit.getSpec().setReplicas(null); // as Argo CD does with replicas in ignoreDifferences (docs/gitops.md)
    applyAsUser(List.of(fromGit));
    eventually().untilAsserted(() -> assertThat(client.apps().statefulSets().inNamespace(namespace).withName("postgres").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("postgres:15.8"));
    assertThat(client.apps().deployments().inNamespace(namespace).withName("postgres").get().getSpec().getReplicas()).isZero();
  }

  @Test
  void aForeignObjectWithAGeneratedNameIsNeitherAdoptedNorOverwritten() {
    applyAsUser(sample("shop"));
    applyAsUser(List.of(new SecretBuilder().withNewMetadata().withName("api-env-secret").endMetadata()
        .withStringData(Map.of("unrelated", "value")).build()));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    applyAsUser(List.of(profile));
    eventually().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(live(profile.getMetadata().getName()).getStatus()
        .findings).anyMatch(f -> f.check.equals("promotion.name-conflict") && f.object.equals("Secret/api-env-secret")));
    Secret s = client.secrets().inNamespace(namespace).withName("api-env-secret").get();
    assertThat(s.getData()).containsOnlyKeys("unrelated");
    assertThat(s.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(client.configMaps().inNamespace(namespace).withName("api-env").get().getData()).containsKey("JWT_SECRET");
  }

  @Test
  void deletingARetainProfileKeepsTheProductionShapeAndEveryClaim() {
    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    applyAsUser(List.of(profile));
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    List<String> claims = client.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
        .map(c -> c.getMetadata().getName()).toList();
    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(profile.getMetadata().getName()).delete();
    eventually().atMost(Duration.ofSeconds(90)).until(() -> live(profile.getMetadata().getName()) == null);
    sleep(Duration.ofSeconds(3)); // let the garbage collector act on anything still owned

    StatefulSet sts = client.apps().statefulSets().inNamespace(namespace).withName("postgres").get();
    assertThat(sts).isNotNull();
    assertThat(sts.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(client.secrets().inNamespace(namespace).withName("api-env-secret").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getReplicas()).isEqualTo(3);
    assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).extracting(c -> c.getMetadata().getName())
        .containsAll(claims);
  }

  @Test
  void deletingARevertProfileGivesBackTheDevNamespaceAndKeepsEveryClaim() {
    List<HasMetadata> input = sample("shop");
    applyAsUser(input);
    Map<String, JsonNode> before = userShape(input);
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-secret");
    profile.getSpec().deletionPolicy = dev.envprofile.api.DeletionPolicy.Revert;
    applyAsUser(List.of(profile));
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    // The revert log is kept in the operator's namespace, by the profile's UID, out of the tenant's reach.
    String log = "envprofile-revert-" + live(profile.getMetadata().getName()).getMetadata().getUid();
    assertThat(client.secrets().inNamespace(Chart.NAMESPACE).withName(log).get()).isNotNull();
    assertThat(client.secrets().inNamespace(namespace).list().getItems())
        .noneMatch(s -> s.getMetadata().getName().contains("revert"));
    assertThat(userShape(input)).as("the promotion changed the user's objects").isNotEqualTo(before);
    // A change made after the promotion, in a field it never touched, is not the operator's to undo.
    client.apps().deployments().inNamespace(namespace).withName("web").patch(
        io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"team\":\"storefront\"}}}");
    List<String> claims = client.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
        .map(c -> c.getMetadata().getName()).toList();
    assertThat(claims).isNotEmpty();

    client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(profile.getMetadata().getName()).delete();
    eventually().atMost(Duration.ofSeconds(90)).until(() -> live(profile.getMetadata().getName()) == null);

    Map<String, JsonNode> after = userShape(input);
    var webLabels = (com.fasterxml.jackson.databind.node.ObjectNode) after.get("Deployment/web").get("labels");
    webLabels.remove("team");
    if (webLabels.isEmpty()) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) after.get("Deployment/web")).putNull("labels");
    }
    List<String> changed = new ArrayList<>();
    before.forEach((k, v) -> io.fabric8.zjsonpatch.JsonDiff.asJson(v, after.get(k))
        .forEach(op -> changed.add(k + " " + op.get("op").asText() + " " + op.get("path").asText())));
    assertThat(changed).as("every user object is as the developers wrote it").isEmpty();
    assertThat(client.apps().deployments().inNamespace(namespace).withName("web").get().getMetadata().getLabels())
        .containsEntry("team", "storefront");
    assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace(namespace).list().getItems()).noneMatch(Labels::isManaged);
    assertThat(client.secrets().inNamespace(Chart.NAMESPACE).withName(log).get()).as("the log goes with its profile").isNull();
    assertThat(client.network().v1().networkPolicies().inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(client.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems()).isEmpty();
    assertThat(client.persistentVolumeClaims().inNamespace(namespace).list().getItems()).extracting(c -> c.getMetadata().getName())
        .containsAll(claims);
    for (HasMetadata o : input) {
      HasMetadata now = client.resource(o).get();
      assertThat(now.getMetadata().getManagedFields()).as(o.getKind() + "/" + o.getMetadata().getName() + " fields")
          .noneMatch(m -> Labels.MANAGER.equals(m.getManager()));
    }
  }

  /** What the user wrote of each object, live: spec or data, labels, annotations (not the server's). */
  private Map<String, JsonNode> userShape(List<HasMetadata> objects) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    for (HasMetadata o : objects) {
      JsonNode t = client.getKubernetesSerialization().convertValue(client.resource(o).get(), JsonNode.class);
      var shape = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      shape.set("spec", t.path("spec").isMissingNode() ? null : t.get("spec"));
      shape.set("data", t.path("data").isMissingNode() ? null : t.get("data"));
      JsonNode labels = t.path("metadata").path("labels");
      shape.set("labels", labels.isEmpty() ? null : labels);
      JsonNode annotations = t.path("metadata").path("annotations").deepCopy();
      if (annotations instanceof com.fasterxml.jackson.databind.node.ObjectNode a) {
        a.remove("deployment.kubernetes.io/revision");
      }
      shape.set("annotations", annotations.isEmpty() ? null : annotations);
      out.put(o.getKind() + "/" + o.getMetadata().getName(), shape);
    }
    return out;
  }

  @Test
  void externalSecretModeCopiesNoValueAndWaitsForTheSecretsBeforeMovingConsumers() throws Exception {
    installExternalSecretsCrd();

    applyAsUser(sample("shop"));
    EnvironmentProfile profile = sampleProfileOnTestStorage("shop", "production-externalsecret");
    // The sample names a ClusterSecretStore, which the chart's default policy does not allow.
    profile.getSpec().secrets.externalSecret.secretStoreRef.kind = dev.envprofile.api.ExternalSecretSpec.StoreKind.SecretStore;
    profile.getSpec().secrets.externalSecret.remoteKeyTemplate = "{namespace}/{name}";
    applyAsUser(List.of(profile));
    var es = client.genericKubernetesResources("external-secrets.io/v1", "ExternalSecret").inNamespace(namespace);
    eventually().until(() -> es.withName("api-env-secret").get() != null);
    sleep(Duration.ofSeconds(4));
    assertThat(live(profile.getMetadata().getName()).getStatus().phase).isEqualTo(Phase.Promoting);
    assertThat(condition(live(profile.getMetadata().getName()), "SecretsReady").getReason()).isEqualTo("WaitingForExternalSecret");
    assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getEnvFrom()).as("consumers wait for the Secret").hasSize(1);
    assertThat(client.secrets().inNamespace(namespace).list().getItems()).noneMatch(s -> Labels.isManaged(s));

    // What External Secrets Operator would do: write each target Secret from the store.
    for (GenericKubernetesResource e : es.list().getItems()) {
      String target = dev.envprofile.engine.credentials.SecretObjects.externalSecretTarget(e);
      Map<String, String> data = new java.util.TreeMap<>();
      dev.envprofile.engine.credentials.SecretObjects.externalSecretKeys(e).forEach(k -> data.put(k, "from-the-store"));
      client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(target).endMetadata()
          .withStringData(data).build()).create();
    }
    waitForPhase(profile.getMetadata().getName(), Phase.Promoted);
    assertThat(client.apps().deployments().inNamespace(namespace).withName("api").get().getSpec().getTemplate().getSpec()
        .getContainers().get(0).getEnvFrom()).extracting(f -> f.getSecretRef() == null ? null : f.getSecretRef().getName())
        .contains("api-env-secret");
    assertThat(client.configMaps().inNamespace(namespace).withName("api-env").get().getData()).doesNotContainKey("JWT_SECRET");
    assertThat(es.withName("api-env-secret").get().getMetadata().getOwnerReferences()).extracting("kind")
        .containsExactly("EnvironmentProfile");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
