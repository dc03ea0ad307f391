package dev.envprofile.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.PromotedTo;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.WritePhase;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritePlannerTest {
  private static final Owner OWNER = new Owner(TestManifests.NS, "p", "uid-1");

  private static final String DB = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: db-env}
      data: {POSTGRES_PASSWORD: "s3cret-Pa55word!", POSTGRES_DB: shop}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: postgres}
      spec:
        selector: {matchLabels: {app: postgres}}
        template:
          metadata: {labels: {app: postgres}}
          spec:
            containers:
            - name: postgres
              image: postgres:16.2
              envFrom: [{configMapRef: {name: db-env}}]
              ports: [{containerPort: 5432}]
              volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
            volumes: [{name: data, emptyDir: {}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: postgres}
      spec: {selector: {app: postgres}, ports: [{port: 5432}]}
      """;

  /** The manifests as the API server returns them: in the namespace. */
  private static List<HasMetadata> live(String manifests) {
    List<HasMetadata> out = TestManifests.parse(manifests);
    out.forEach(o -> o.getMetadata().setNamespace(TestManifests.NS));
    return out;
  }

  private static WritePlan plan(String manifests, String spec, List<HasMetadata> extraLive) {
    List<HasMetadata> live = new ArrayList<>(live(manifests));
    live.addAll(extraLive);
    Result r = Engine.promote(TestManifests.parse(manifests), TestManifests.settings(spec));
    return WritePlanner.plan(r, LiveObjects.of(live), OWNER);
  }

  @Test
  void phasesNeverGoBackAndTheDefaultDenyIsTheLastPolicyOnEveryCorpusApp() {
    int plans = 0;
    for (Corpus.App app : Corpus.apps()) {
      String ns = app.expected().namespace();
      Result r = Engine.promote(app.objects(), TestManifests.settings("tier: production", ns));
      WritePlan plan = WritePlanner.plan(r, LiveObjects.of(app.objects()), new Owner(ns, "p", "uid-1"));
      WritePhase last = WritePhase.REVERT_LOG;
      boolean denied = false;
      for (Step s : plan.steps()) {
        assertThat(s.phase().compareTo(last)).as(app + ": " + s.describe()).isGreaterThanOrEqualTo(
            s.phase() == WritePhase.REVERT_LOG ? -1 : 0);
        last = s.phase() == WritePhase.REVERT_LOG ? last : s.phase();
        if (s.ref() != null && s.ref().kind().equals("NetworkPolicy")) {
          assertThat(denied).as(app + ": a policy after the default deny: " + s.describe()).isFalse();
          denied = s.ref().name().endsWith("default-deny");
        }
      }
      long records = plan.steps().stream().filter(s -> s instanceof Step.RecordRevert).count();
      assertThat(records).as(app + ": one revert record at most").isLessThanOrEqualTo(1);
      int firstUserWrite = indexOf(plan, WritePhase.USER_OBJECTS);
      int record = plan.steps().indexOf(plan.steps().stream().filter(s -> s instanceof Step.RecordRevert).findFirst()
          .orElse(null));
      if (firstUserWrite >= 0) {
        assertThat(record).as(app + ": the revert record comes before the first user object changes")
            .isBetween(0, firstUserWrite);
      }
      plans++;
    }
    assertThat(plans).isGreaterThanOrEqualTo(16);
  }

  @Test
  void anExternalSecretNotSyncedYetStopsThePlanAfterTheCredentials() {
    WritePlan plan = plan(DB, "tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: vault}}}",
        List.of());
    assertThat(plan.steps()).isNotEmpty().allSatisfy(s -> assertThat(s.phase()).isEqualTo(WritePhase.CREDENTIALS));
    assertThat(plan.waits()).singleElement().satisfies(w -> {
      assertThat(w.reason()).isEqualTo(Wait.Reason.EXTERNAL_SECRET_SYNC);
      assertThat(w.object().kind()).isEqualTo("Secret");
    });
  }

  @Test
  void aStatefulSetNotReadyIsAwaitedAndNoKeyLeavesAConfigMapMeanwhile() {
    WritePlan plan = plan(DB, "tier: production", List.of());
    assertThat(plan.waits()).extracting(Wait::toString).containsExactly("StatefulSet/postgres");
    assertThat(plan.steps()).noneMatch(s -> s.phase() == WritePhase.SCRUB || s.phase() == WritePhase.CUTOVER);
    assertThat(plan.steps()).anyMatch(s -> s.phase() == WritePhase.GENERATED && s.ref().shortName().equals("StatefulSet/postgres"));
  }

  @Test
  void aGeneratedNameHeldByAForeignObjectIsLeftAloneAndNoted() {
    HasMetadata foreign = new NetworkPolicyBuilder().withNewMetadata().withName("envprofile-default-deny")
        .withNamespace(TestManifests.NS).endMetadata().withNewSpec().endSpec().build();
    WritePlan plan = plan(DB, "tier: production", List.of(foreign));
    assertThat(plan.notes()).extracting(Note::toString).contains("NetworkPolicy/envprofile-default-deny");
    assertThat(plan.steps()).noneMatch(s -> s.ref() != null && s.ref().name().equals("envprofile-default-deny"));
  }

  @Test
  void onlyThisProfilesUnwantedPoliciesArePrunedAndNeverASecret() {
    HasMetadata ours = managed(new NetworkPolicyBuilder().withNewMetadata().withName("gone-envprofile")
        .withNamespace(TestManifests.NS).endMetadata().withNewSpec().endSpec().build(), "uid-1");
    HasMetadata theirs = managed(new NetworkPolicyBuilder().withNewMetadata().withName("other-envprofile")
        .withNamespace(TestManifests.NS).endMetadata().withNewSpec().endSpec().build(), "uid-2");
    HasMetadata secret = managed(new SecretBuilder().withNewMetadata().withName("old-credentials")
        .withNamespace(TestManifests.NS).endMetadata().build(), "uid-1");
    WritePlan plan = plan(DB, "tier: production", List.of(ours, theirs, secret));
    assertThat(plan.steps()).filteredOn(s -> s instanceof Step.Delete).extracting(s -> s.ref().shortName())
        .containsExactly("NetworkPolicy/gone-envprofile");
  }

  @Test
  void aJobIsNotedAsImmutableNotWritten() {
    String job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: m, image: "migrate:latest", env: [{name: DB_PASSWORD, value: "s3cret-Pa55word!"}]}]
        """;
    WritePlan plan = plan(job, "tier: production", List.of());
    assertThat(plan.notes()).extracting(n -> n.reason() + " " + n).contains("IMMUTABLE Job/migrate");
    assertThat(plan.steps()).noneMatch(s -> s.ref() != null && s.ref().shortName().equals("Job/migrate"));
  }

  @Test
  void aNamespaceInShapePlansNothingAndAPlanIsDeterministic() {
    Result r = Engine.promote(TestManifests.parse(DB), TestManifests.settings("tier: staging"));
    WritePlan once = WritePlanner.plan(r, LiveObjects.of(live(DB)), OWNER);
    WritePlan twice = WritePlanner.plan(r, LiveObjects.of(live(DB)), OWNER);
    assertThat(once.render()).isEqualTo(twice.render());
    Result inShape = Engine.promote(TestManifests.parse(DB), TestManifests.settings("tier: local"));
    assertThat(WritePlanner.plan(inShape, LiveObjects.of(live(DB)), OWNER).steps()).isEmpty();
  }

  @Test
  void thePromotedToAnnotationReadsAsAbsentUnlessItNamesAStatefulSet() {
    for (String bad : List.of("", "StatefulSet/", "Deployment/db", "StatefulSet/Db", "StatefulSet/a/b", "db")) {
      var d = new DeploymentBuilder().withNewMetadata().withName("x").addToAnnotations(Labels.PROMOTED_TO, bad)
          .endMetadata().build();
      assertThat(PromotedTo.of(d)).as(bad).isNull();
      assertThat(PromotedTo.present(d)).isTrue();
    }
    var ok = new DeploymentBuilder().withNewMetadata().withName("x").addToAnnotations(Labels.PROMOTED_TO,
        "StatefulSet/db-0").endMetadata().build();
    assertThat(PromotedTo.of(ok).statefulSet()).isEqualTo("db-0");
  }

  @Test
  void aNoteAboutNoSingleObjectRendersItsDetail() {
    WritePlan plan = new WritePlan(List.of(), List.of(), List.of(
        new Note(Note.Reason.REVERT_REFUSED, null, "edits no promotion makes were not given back: Service.web"),
        new Note(Note.Reason.NAME_TAKEN, new dev.envprofile.engine.model.ObjectRef("Service", "shop", "db-headless"))));
    assertThat(plan.render()).contains("edits no promotion makes were not given back: Service.web")
        .contains("Service/db-headless  (name-taken)");
  }

  private static int indexOf(WritePlan plan, WritePhase phase) {
    for (int i = 0; i < plan.steps().size(); i++) {
      if (plan.steps().get(i).phase() == phase) {
        return i;
      }
    }
    return -1;
  }

  private static HasMetadata managed(HasMetadata o, String ownerUid) {
    o.getMetadata().setLabels(new java.util.HashMap<>(java.util.Map.of(Labels.MANAGED_BY, Labels.MANAGER)));
    o.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withUid(ownerUid).withName("p")
        .withKind("EnvironmentProfile").withApiVersion("envprofile.dev/v1alpha1").build()));
    return o;
  }
}
