package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus.Phase;
import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.it.support.*;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.Corpus.App;
import dev.envprofile.testing.Corpus.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator, live on the control plane, promotes each app of the corpus to production: it
 * reaches Promoted, the live objects hold what the offline promotion renders, nothing is lost and
 * no credential of the app reaches the status or the Events. The apps' objects are placed in the
 * test's namespace; cluster-scoped objects keep none (PersistentVolumes are applied and removed,
 * the rest is not applied). The dry run of every app under every tier is CorpusDryRunIT.
 */
class CorpusIT extends OperatorTest {
  private static final Set<String> CLUSTER_SCOPED = CorpusObjects.CLUSTER_SCOPED;

  static Stream<App> apps() {
    return Corpus.apps().stream();
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
      // A Job's pod template is immutable: the operator reports it in Ready's message instead of changing it.
      List<HasMetadata> expected = offline.objects().stream().filter(o -> !CLUSTER_SCOPED.contains(o.getKind()))
          .filter(o -> !(o instanceof io.fabric8.kubernetes.api.model.batch.v1.Job)).toList();
      assertThat(LiveMatch.inCluster(client, expected)).as("%s: live objects that differ from `promote`", app).isEmpty();
      for (HasMetadata job : offline.objects().stream().filter(io.fabric8.kubernetes.api.model.batch.v1.Job.class::isInstance).toList()) {
        assertThat(live("corpus").getStatus().conditions.stream().filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow()
            .getMessage()).as("%s: the Job it cannot change is named", app).contains("Job/" + job.getMetadata().getName());
      }
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
    // Names of the namespace's objects are public: a credential equal to one ("postgres") is masked as
    // a value, never inside a name (docs/reliability.md, redaction), so the detector knows them too.
    List<HasMetadata> objects = relocated(app);
    Redactor detector = new Redactor(values, dev.envprofile.engine.report.RedactorNames.of(
        dev.envprofile.engine.inventory.Inventory.of(namespace, objects, null), namespace));
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

  private List<HasMetadata> relocated(App app) {
    return CorpusObjects.relocated(app, namespace);
  }
}
