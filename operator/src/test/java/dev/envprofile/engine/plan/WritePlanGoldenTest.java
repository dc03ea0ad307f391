package dev.envprofile.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.operator.reconciler.NamespaceSnapshot;
import dev.envprofile.testing.Goldens;
import dev.envprofile.testing.PlanSimulator;
import dev.envprofile.testing.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write plan of each sample x profile, as Enforce would write it into a namespace where a
 * GitOps tool applied the sample's manifests: the first pass (StatefulSets not ready yet), then the
 * pass after they became ready. A change of order is a reviewed diff of `…plan.txt`
 * (`make goldens`). And the plans converge: once both passes are executed, the next plan is empty.
 */
class WritePlanGoldenTest {

  static Stream<Samples.Case> cases() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesGoldenAndConverges(Samples.Case c) throws IOException {
    EnvironmentProfile profile = ManifestReader.serialization()
        .unmarshal(Files.readString(c.profileFile()), EnvironmentProfile.class);
    String ns = profile.getMetadata().getNamespace();
    Settings settings = Engine.settings(ns, profile.getSpec());
    List<HasMetadata> manifests = c.objects();
    Owner owner = new Owner(ns, profile.getMetadata().getName(), "00000000-0000-0000-0000-000000000001");
    PlanSimulator cluster = new PlanSimulator(manifests, ns);

    // Pass 1 into the namespace as GitOps left it; then External Secrets Operator syncs and the
    // StatefulSets become ready, and each pass executes the previous plan, until nothing is left.
    StringBuilder text = new StringBuilder();
    WritePlan plan = plan(cluster, settings, owner);
    for (int pass = 1; !plan.steps().isEmpty() || !plan.waits().isEmpty(); pass++) {
      assertThat(pass).as("the plans must converge; pass %d is still:\n%s", pass, plan.render()).isLessThanOrEqualTo(3);
      text.append("# pass ").append(pass).append(pass == 1 ? ": the namespace as GitOps applied it"
          : ": after pass " + (pass - 1) + ", with ExternalSecrets synced and StatefulSets ready").append('\n')
          .append(plan.render()).append('\n');
      cluster.execute(plan);
      cluster.externalSecretsSynced();
      cluster.statefulSetsReady();
      plan = plan(cluster, settings, owner);
    }
    Goldens.compare(c.golden(".plan.txt"), text.toString());
  }

  private static WritePlan plan(PlanSimulator cluster, Settings settings, Owner owner) {
    // The engine sees the namespace as the operator shows it: a cutover Deployment with its replicas back.
    List<HasMetadata> userView = NamespaceSnapshot.of(owner.namespace(), new ArrayList<>(cluster.live().all())).userView();
    Result result = Engine.promote(userView, settings);
    return WritePlanner.plan(result, cluster.live(), owner);
  }


}
