package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.it.support.*;
import dev.envprofile.testing.Corpus;
import dev.envprofile.testing.Corpus.App;
import dev.envprofile.testing.Corpus.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of real applications on the real API server: every object `promote` emits for every
 * app under every tier passes a server-side apply with dryRun=All (the ExternalSecret CRD
 * installed as in DryRunIT). The live operator over the corpus is CorpusIT.
 */
class CorpusDryRunIT extends ClusterTest {

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
      Result r = Engine.promote(CorpusObjects.relocated(app, namespace), Engine.settings(namespace, profile.getSpec()));
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
