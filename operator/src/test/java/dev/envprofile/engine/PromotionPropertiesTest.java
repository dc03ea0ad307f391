package dev.envprofile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.cli.output.JsonReport;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.NamespaceGenerator;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of promote over generated namespaces: idempotent, deterministic, nothing lost, no
 * credential value in the report (and none in the cluster in ExternalSecret mode).
 */
class PromotionPropertiesTest {
  private static final String PRODUCTION = "tier: production";
  private static final String STAGING = "tier: staging";
  private static final String EXTERNAL = """
      tier: production
      secrets:
        provider: ExternalSecret
        externalSecret:
          secretStoreRef: {name: vault}
      """;
  private static final Pattern CREDENTIAL = Pattern.compile("cred\\d+-[a-z0-9]+");

  private static List<HasMetadata> namespace(long seed, int size) {
    return NamespaceGenerator.generate(seed, size, TestManifests.NS);
  }

  @Property(tries = 60)
  void promotingTheOutputAgainChangesNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size) {
    for (String profile : List.of(PRODUCTION, STAGING, EXTERNAL)) {
      Settings s = TestManifests.settings(profile);
      Result once = Engine.promote(namespace(seed, size), s);
      Result twice = Engine.promote(once.objects(), s);
      assertThat(TestManifests.yaml(twice.objects())).isEqualTo(TestManifests.yaml(once.objects()));
    }
  }

  @Property(tries = 40)
  void sameInputGivesSameBytes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size) {
    Settings s = TestManifests.settings(PRODUCTION);
    Result a = Engine.promote(namespace(seed, size), s);
    Result b = Engine.promote(namespace(seed, size), s);
    assertThat(TestManifests.yaml(a.objects())).isEqualTo(TestManifests.yaml(b.objects()));
    assertThat(JsonReport.render(a.report())).isEqualTo(JsonReport.render(b.report()));
  }

  @Property(tries = 60)
  void nothingIsLost(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size) {
    List<HasMetadata> input = namespace(seed, size);
    Result r = Engine.promote(input, TestManifests.settings(PRODUCTION));
    List<HasMetadata> output = r.objects();
    assertThat(Invariants.environments(output)).as("effective environments")
        .isEqualTo(Invariants.environments(input));
    assertThat(Invariants.danglingMounts(output)).as("mounts without a volume").isEmpty();
    assertThat(Invariants.lostOrShadowedMounts(input, output)).as("mounts lost or shadowed").isEmpty();
    assertThat(Invariants.claimMounts(output)).as("PVCs still mounted at the same path")
        .containsAll(Invariants.claimMounts(input));
    assertThat(Invariants.identities(output)).as("no object disappears")
        .containsAll(Invariants.identities(input));
    for (HasMetadata o : input) {
      if (o instanceof ConfigMap cm) {
        ConfigMap after = TestManifests.get(output, ConfigMap.class, cm.getMetadata().getName());
        for (Map.Entry<String, String> e : Invariants.data(cm).entrySet()) {
          boolean inConfigMap = e.getValue().equals(Invariants.data(after).get(e.getKey()));
          boolean inSecret = output.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
              .anyMatch(s -> e.getValue().equals(Invariants.data(s).get(e.getKey())));
          assertThat(inConfigMap || inSecret).as("key %s of %s still readable", e.getKey(), cm.getMetadata().getName())
              .isTrue();
        }
      }
    }
  }

  @Property(tries = 60)
  void noCredentialValueInReports(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size) {
    List<HasMetadata> input = namespace(seed, size);
    for (String profile : List.of(PRODUCTION, STAGING, EXTERNAL)) {
      Settings s = TestManifests.settings(profile);
      var origins = new dev.envprofile.cli.output.Origins(List.of(), "generated.yaml");
      for (Result r : List.of(Engine.audit(input, s), Engine.promote(input, s))) {
        assertNoCredential(JsonReport.render(r.report()));
        assertNoCredential(dev.envprofile.cli.output.TableReport.render(r.report()));
        assertNoCredential(dev.envprofile.cli.output.SarifReport.render(r.report(), origins, "test"));
        assertNoCredential(dev.envprofile.cli.output.JunitReport.render(r.report(), origins));
        r.changes().forEach(c -> assertNoCredential(c.message()));
      }
      Result promoted = Engine.promote(input, s);
      // `promote --diff`: the removed literals and the new Secrets' data are masked.
      assertNoCredential(dev.envprofile.cli.output.DiffPrinter.render(input, promoted.objects(), promoted.redactor(),
          dev.envprofile.cli.ManifestReader.serialization()));
    }
  }

  private static void assertNoCredential(String text) {
    Matcher m = CREDENTIAL.matcher(text);
    assertThat(m.find()).as("credential value in: %s", m.find(0) ? m.group() : "").isFalse();
  }
}
