package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.Corpus.App;
import dev.envprofile.testing.Corpus.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of real applications on the real API server: every object `promote` emits for every
 * app under every tier passes a server-side dry run, and the operator, live, promotes each app to
 * production, reaches Promoted and leaves the same objects as the offline promotion, with nothing
 * lost. The apps' objects are placed in the test's namespace (the ones naming sock-shop or
 * emojivoto too); cluster-scoped objects keep no namespace.
 */
class CorpusIT extends OperatorTest {
  /** Kinds without a namespace that the corpus holds. */
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PersistentVolume", "ClusterRole", "ClusterRoleBinding");

  @BeforeAll
  static void externalSecrets() {
    installExternalSecretsCrd();
  }

  static Stream<App> apps() {
    return Corpus.apps().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void everyObjectPromoteEmitsUnderEveryTierIsAcceptedByTheApiServer(App app) {
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (Tier tier : Tier.values()) {
      EnvironmentProfile profile = profile("corpus", tier.spec);
      Result r = Engine.promote(relocated(app), Engine.settings(namespace, profile.getSpec()));
      for (HasMetadata o : r.objects()) {
        try {
          noRetry().resource(o).dryRun().fieldManager("corpus-it").forceConflicts().serverSideApply();
          checked++;
        } catch (KubernetesClientException e) {
          String m = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
          refused.add(tier.id + ": " + o.getKind() + "/" + o.getMetadata().getName() + ": HTTP " + e.getCode() + " " + m);
        }
      }
    }
    assertThat(refused).as("%s: objects the API server refused", app).isEmpty();
    assertThat(checked).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void theOperatorPromotesTheAppLiveToTheSameObjectsAsPromoteWithNothingLost(App app) {
    List<HasMetadata> input = relocated(app);
    List<HasMetadata> volumes = input.stream().filter(o -> o.getKind().equals("PersistentVolume")).toList();
    try {
      volumes.forEach(v -> client.resource(Copies.deep(v)).fieldManager(TEST_MANAGER).forceConflicts().serverSideApply());
      applyAsUser(input.stream().filter(o -> !CLUSTER_SCOPED.contains(o.getKind())).map(Copies::deep).toList());
      NothingLost lost = new NothingLost(client, namespace);
      NothingLost.Snapshot before = lost.snapshot();

      EnvironmentProfile profile = profile("corpus", Tier.PRODUCTION.spec);
      applyAsUser(List.of(profile));
      waitForPhase("corpus", Phase.Promoted);

      Result offline = Engine.promote(relocated(app), Engine.settings(namespace, profile.getSpec()));
      List<HasMetadata> expected = offline.objects().stream().filter(o -> !CLUSTER_SCOPED.contains(o.getKind())).toList();
      assertThat(LiveMatch.inCluster(client, expected)).as("%s: live objects that differ from `promote`", app).isEmpty();
      assertThat(lost.problems(before, profile)).as("%s: what the live promotion broke or lost", app).isEmpty();
      assertNoCredentialInStatusOrEvents(app);
    } finally {
      volumes.forEach(v -> client.persistentVolumes().withName(v.getMetadata().getName()).delete());
    }
  }

  /** The app's own credential values appear neither in the profile's status nor in the operator's Events. */
  private void assertNoCredentialInStatusOrEvents(App app) {
    List<String> values = Engine.credentialValues(relocated(app), Engine.settings(namespace, profile("corpus", Tier.PRODUCTION.spec).getSpec()))
        .stream().filter(v -> v.length() >= 8).toList();
    Redactor detector = new Redactor(values, Set.of());
    List<String> leaks = new ArrayList<>();
    String status = client.getKubernetesSerialization().asJson(live("corpus").getStatus());
    if (!detector.mask(status).equals(status)) {
      leaks.add("status");
    }
    for (var ev : client.v1().events().inNamespace(namespace).list().getItems()) {
      String text = ev.getReason() + " " + ev.getMessage();
      if (ev.getSource() != null && "envprofile-operator".equals(ev.getSource().getComponent()) && !detector.mask(text).equals(text)) {
        leaks.add("event: " + detector.mask(text));
      }
    }
    assertThat(leaks).as("%s: credential values in status or Events (shown masked)", app).isEmpty();
  }

  /** The app's objects, namespaced ones moved into the test's namespace. */
  private List<HasMetadata> relocated(App app) {
    List<HasMetadata> out = app.objects();
    for (HasMetadata o : out) {
      o.getMetadata().setNamespace(CLUSTER_SCOPED.contains(o.getKind()) ? null : namespace);
    }
    return out;
  }

  private static KubernetesClient noRetryClient;

  /** The client retries server errors with backoff; a refused dry run is an answer, not a fault. */
  private static synchronized KubernetesClient noRetry() {
    if (noRetryClient == null) {
      noRetryClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
          new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
    }
    return noRetryClient;
  }
}
