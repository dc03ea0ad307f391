package dev.envprofile.cli.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.Tier;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The example of one check id: a directory {@code operator/src/test/resources/checks/<id>/} with
 * failing.yaml, passing.yaml, expected.yaml and optionally profile.yaml (format in that
 * directory's README.md). CheckExamplesTest runs them; docs/checks.md prints them.
 */
public record CheckExample(String id, String failing, String passing, String profileSpec, Expected expected) {
  /** Where the examples live, from the repository root. */
  public static final String DIR = "operator/src/test/resources/checks";
  /** The namespace the examples are audited in (their objects name none). */
  public static final String NAMESPACE = "shop";

  /**
   * expected.yaml.
   *
   * @param failing kind/name of every subject that fails the check in failing.yaml (at production)
   * @param fixable the fixable flag of those failures; when true, promoting failing.yaml fixes them
   * @param passing kind/name of subjects with a passing result in passing.yaml ([] for a check that
   *     reports only failures)
   * @param tiers tier to "fails" or "passes": the check on failing.yaml promoted at that tier
   * @param promote the id is reported by promote only (the examples are promoted, not audited)
   */
  public record Expected(List<String> failing, boolean fixable, List<String> passing, Map<Tier, Boolean> tiers,
                         boolean promote) {}

  /** The example directories under the repository root, by name (which is a check id). */
  public static Map<String, Path> directories(Path root) {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(root.resolve(DIR))) {
      dirs.filter(Files::isDirectory).forEach(d -> out.put(d.getFileName().toString(), d));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static CheckExample load(Path dir) {
    try {
      Map<String, Object> y = new ObjectMapper(new YAMLFactory()).readValue(dir.resolve("expected.yaml").toFile(), Map.class);
      for (String k : y.keySet()) {
        if (!List.of("failing", "fixable", "passing", "tiers", "run").contains(k)) {
          throw new IllegalArgumentException(dir.resolve("expected.yaml") + ": unknown key " + k);
        }
      }
      List<String> failing = (List<String>) y.getOrDefault("failing", List.of());
      Map<Tier, Boolean> tiers = new LinkedHashMap<>();
      ((Map<String, String>) y.getOrDefault("tiers", Map.of())).forEach((t, v) -> {
        if (!List.of("fails", "passes").contains(v)) {
          throw new IllegalArgumentException(dir.resolve("expected.yaml") + ": tiers." + t + " is fails or passes");
        }
        tiers.put(Tier.valueOf(t.toUpperCase(java.util.Locale.ROOT)), "passes".equals(v));
      });
      Path profile = dir.resolve("profile.yaml");
      return new CheckExample(dir.getFileName().toString(), Files.readString(dir.resolve("failing.yaml")),
          Files.readString(dir.resolve("passing.yaml")), Files.isRegularFile(profile) ? Files.readString(profile) : "",
          new Expected(failing, Boolean.TRUE.equals(y.get("fixable")),
              (List<String>) y.getOrDefault("passing", failing), tiers, "promote".equals(y.get("run"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profile: profile.yaml's spec fields at the given tier. */
  public Settings settings(Tier tier) {
    StringBuilder doc = new StringBuilder("apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: example, namespace: " + NAMESPACE + "}\nspec:\n  tier: " + tier.wireName() + "\n");
    profileSpec.lines().forEach(l -> doc.append("  ").append(l).append('\n'));
    EnvironmentProfile p = ManifestReader.serialization().unmarshal(doc.toString(), EnvironmentProfile.class);
    return Engine.settings(NAMESPACE, p.getSpec());
  }

  public List<HasMetadata> failingObjects() {
    return new ArrayList<>(ManifestReader.read(id + "/failing.yaml", failing));
  }

  public List<HasMetadata> passingObjects() {
    return new ArrayList<>(ManifestReader.read(id + "/passing.yaml", passing));
  }

  /** What the check is judged on: the audit of the objects, or their promotion for promote-only ids. */
  public Result judge(List<HasMetadata> objects, Tier tier) {
    return expected.promote() ? Engine.promote(objects, settings(tier)) : Engine.audit(objects, settings(tier));
  }
}
