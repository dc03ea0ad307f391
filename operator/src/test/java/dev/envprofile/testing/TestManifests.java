package dev.envprofile.testing;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** Test helpers: YAML in, engine results out. */
public final class TestManifests {
  public static final String NS = "shop";

  private TestManifests() {}

  public static List<HasMetadata> parse(String yaml) {
    return ManifestReader.read("test.yaml", yaml);
  }

  /** Settings of a profile given as YAML spec, e.g. "tier: production". Namespace {@link #NS}. */
  public static Settings settings(String specYaml) {
    return settings(specYaml, NS);
  }

  /** Settings of a profile given as YAML spec, for the given namespace. */
  public static Settings settings(String specYaml, String namespace) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p, namespace: "
        + namespace + "}\nspec:\n" + specYaml.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    EnvironmentProfile p = ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class);
    return Engine.settings(namespace, p.getSpec());
  }

  public static Result promote(String manifests, String specYaml) {
    return Engine.promote(parse(manifests), settings(specYaml));
  }

  public static Result audit(String manifests, String specYaml) {
    return Engine.audit(parse(manifests), settings(specYaml));
  }

  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> Optional<T> find(List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream().filter(type::isInstance).filter(o -> name.equals(o.getMetadata().getName()))
        .map(o -> (T) o).findFirst();
  }

  public static <T extends HasMetadata> T get(List<HasMetadata> objects, Class<T> type, String name) {
    return find(objects, type, name).orElseThrow(() -> new AssertionError(type.getSimpleName() + "/" + name + " not in output"));
  }

  public static String yaml(List<HasMetadata> objects) {
    StringBuilder sb = new StringBuilder();
    for (HasMetadata o : objects) {
      sb.append(ManifestReader.serialization().asYaml(o));
    }
    return sb.toString();
  }

  /** The result of a check for the object of that name; fails the test when there is none. */
  public static dev.envprofile.engine.model.CheckResult result(Result r, String check, String object) {
    return r.report().results().stream().filter(x -> x.check().id().equals(check) && x.object().name().equals(object))
        .findFirst().orElseThrow(() -> new AssertionError(check + " has no result for " + object));
  }
}
