package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.plan.Owner;
import dev.envprofile.engine.plan.RevertPlanner;
import dev.envprofile.engine.plan.Step;
import dev.envprofile.engine.plan.WritePlan;
import dev.envprofile.engine.plan.WritePlanner;
import dev.envprofile.testing.Goldens;
import dev.envprofile.testing.PlanSimulator;
import dev.envprofile.testing.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample x profile promoted by executing its write plans in a simulated namespace, recording
 * the revert log as the operator does; then deleted with deletionPolicy Revert by executing the
 * revert plan: every user object is exactly as GitOps applied it, and no generated object is left.
 * With Retain, every user object stays promoted and every generated object loses its owner. The
 * revert plan is golden (`…revert.txt`), so a change of its order is a reviewed diff.
 */
class RevertRoundTripTest {
  private static final String UID = "00000000-0000-0000-0000-000000000001";

  static Stream<Samples.Case> cases() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void revertGivesBackTheManifestsAndRetainDisownsOnly(Samples.Case c) throws IOException {
    EnvironmentProfile profile = ManifestReader.serialization()
        .unmarshal(Files.readString(c.profileFile()), EnvironmentProfile.class);
    String ns = profile.getMetadata().getNamespace();
    Settings settings = Engine.settings(ns, profile.getSpec());
    Owner owner = new Owner(ns, profile.getMetadata().getName(), UID);
    List<HasMetadata> manifests = c.objects();
    PlanSimulator cluster = new PlanSimulator(manifests, ns);
    Map<String, ObjectNode> before = Map.copyOf(cluster.objects());
    RevertLog log = RevertLog.empty();

    WritePlan plan = plan(cluster, settings, owner);
    for (int pass = 1; !plan.steps().isEmpty() || !plan.waits().isEmpty(); pass++) {
      assertThat(pass).as("promotion passes").isLessThanOrEqualTo(3);
      for (Step s : plan.steps()) {
        if (s instanceof Step.RecordRevert r) {
          r.edits().forEach(e -> log.record(e.have(), e.want(), r.refs()));
        }
      }
      cluster.execute(plan);
      cluster.externalSecretsSynced();
      cluster.statefulSetsReady();
      plan = plan(cluster, settings, owner);
    }
    Map<String, ObjectNode> promoted = Map.copyOf(cluster.objects());

    WritePlan retain = RevertPlanner.plan(cluster.live(), owner, false, null, null);
    assertThat(retain.steps()).allSatisfy(s -> assertThat(s instanceof Step.Patch p
        ? p.ops().toString() : "a " + s.phase()).as(s.describe()).matches(t -> t.contains("/metadata/ownerReferences/")
            || t.equals("a FORGET_LOG")));

    WritePlan revert = RevertPlanner.plan(cluster.live(), owner, true, log.entries(), null);
    // The give-back's own patches name the operator as a manager: each such object is released after.
    for (int i = 0; i < revert.steps().size(); i++) {
      Step s = revert.steps().get(i);
      if (s.phase() == dev.envprofile.engine.model.WritePhase.GIVE_BACK) {
        assertThat(revert.steps().subList(i + 1, revert.steps().size()))
            .as("a release of %s after its give-back", s.ref().shortName())
            .anyMatch(x -> x instanceof Step.ReleaseFields && x.ref().equals(s.ref()));
      }
    }
    cluster.execute(revert);
    assertThat(revert.notes()).as("no conflict or refusal on an untouched namespace").extracting(n -> n.object() + ": " + n.detail()).isEmpty();
    for (Map.Entry<String, ObjectNode> e : before.entrySet()) {
      assertThat(Trees.comparable(cluster.objects().get(e.getKey()))).as("%s after Revert", e.getKey())
          .isEqualTo(Trees.comparable(e.getValue()));
    }
    assertThat(cluster.objects().values()).as("generated objects left after Revert")
        .noneMatch(t -> Labels.MANAGER.equals(t.path("metadata").path("labels").path(Labels.MANAGED_BY).asText()));
    assertThat(promoted).isNotEmpty();
    Goldens.compare(c.golden(".revert.txt"), "# deletionPolicy Revert, after the promotion of "
        + c.golden(".plan.txt").getFileName() + "\n" + revert.render());
  }

  private static WritePlan plan(PlanSimulator cluster, Settings settings, Owner owner) {
    List<HasMetadata> userView = NamespaceSnapshot.of(owner.namespace(), new ArrayList<>(cluster.live().all())).userView();
    return WritePlanner.plan(Engine.promote(userView, settings), cluster.live(), owner);
  }


}
