package dev.envprofile.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.testing.NamespaceGenerator;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Issue 18: promote writes plain YAML, and every document reads back as exactly the tree it was
 * written from, whichever YAML reader reads it: YAML 1.1 (SnakeYAML, as go-yaml v2 behind kubectl:
 * yes/on/octal/sexagesimal/timestamps), YAML 1.2 core (snakeyaml-engine) and the CLI's own reader.
 */
class YamlWriterRoundTripTest {
  private static final YamlWriter WRITER = new YamlWriter(ManifestReader.serialization());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper JACKSON = new YAMLMapper();

  /** Strings each YAML version or Go would read as something else, and strings that look odd but are safe. */
  static final List<String> TRICKY = List.of("yes", "Yes", "YES", "no", "on", "On", "off", "y", "Y", "n", "N", "true",
      "False", "null", "Null", "~", "", " ", "0123", "0o17", "0x1F", "0b101", "1e3", "1E3", "-1e-3", "1_000", "12:30",
      "190:20:30", "1.0", ".5", "5.", "+1", "-1", "007", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
      "2001-12-14 21:59:43.10 -5", ".inf", "-.Inf", ".NaN", "<<", "=", "*alias", "&anchor", "!tag", "%dir", "@at",
      "`tick", "|", ">", "- item", "-", "--", "---", "...", "? key", ": v", "a: b", "a #b", "#c", "a:", "[x]", "{x}",
      "x,y", "'q'", "\"dq\"", "trailing ", " leading", "tab\there", "multi\nline", "multi\nline\n", "multi\n\n",
      "trail \nspace", "\u00e9t\u00e9", "\u2028", "-Xmx768m", "--port=80", "http://minio:9000", "10Gi", "100m",
      "512Mi", "0.5", "1", "80", "app.kubernetes.io/name", "a\\b", "C:\\x", "x\u0085y", "\ufeffbom");

  @Test
  void valuesYamlWouldMisreadStayQuoted() {
    for (String s : List.of("yes", "on", "0123", "1e3", "12:30", "0o17", "1_000", "2001-12-14", "null", "~", "*a", "&a",
        "!a", "", "1.0", ".inf", "<<")) {
      assertThat(PlainScalars.safe(s)).as(s).isFalse();
    }
    for (String s : List.of("redis", "-Xmx768m", "10Gi", "100m", "http://minio:9000", "app.kubernetes.io/name", "v1")) {
      assertThat(PlainScalars.safe(s)).as(s).isTrue();
    }
  }

  @Test
  void promoteOutputReadsPlainly() {
    Map<String, Object> cm = new LinkedHashMap<>();
    cm.put("apiVersion", "v1");
    cm.put("data", new LinkedHashMap<>(Map.of("PORT", "6379", "FLAG", "on", "HOST", "redis")));
    String yaml = write(cm);
    assertThat(yaml).contains("apiVersion: v1\n").contains("PORT: \"6379\"\n").contains("FLAG: \"on\"\n").contains("HOST: redis\n");
  }

  @Test
  void everyTrickyStringRoundTripsAsKeyAndValue() {
    for (String s : TRICKY) {
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.put("v", s);
      tree.put("l", List.of(s));
      tree.put(s, "k");
      assertRoundTrip(tree);
    }
  }

  @Property(tries = 300)
  void generatedTreesRoundTrip(@ForAll("trees") Object tree) {
    assertRoundTrip(tree);
  }

  /** Promoted generated namespaces: every document parses back to the model object's tree. */
  @Property(tries = 15)
  void promotedDocumentsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int size) {
    List<HasMetadata> input = NamespaceGenerator.generate(seed, size, TestManifests.NS);
    for (HasMetadata o : Engine.promote(input, TestManifests.settings("tier: production")).objects()) {
      Object tree = ManifestReader.serialization().convertValue(o, Object.class);
      String yaml = WRITER.asYaml(o);
      assertThat(read11(yaml)).as(yaml).isEqualTo(normalize(tree));
      List<HasMetadata> back = ManifestReader.read("promoted.yaml", yaml);
      assertThat(back).hasSize(1);
      assertThat(ManifestReader.serialization().convertValue(back.get(0), Object.class)).isEqualTo(tree);
    }
  }

  @Provide
  Arbitrary<Object> trees() {
    Arbitrary<String> strings = Arbitraries.oneOf(Arbitraries.of(TRICKY),
        Arbitraries.strings().withChars("ay01:#-. \n\t'\"*&!{}[],?|>%@`~_xeEoT+\\\u00e9\u2028").ofMaxLength(12),
        Arbitraries.strings().numeric().ofMaxLength(6));
    Arbitrary<Object> scalars = Arbitraries.oneOf(strings.map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
    return tree(strings, scalars, 3);
  }

  private static Arbitrary<Object> tree(Arbitrary<String> strings, Arbitrary<Object> scalars, int depth) {
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> below = tree(strings, scalars, depth - 1);
    return Arbitraries.oneOf(scalars,
        Arbitraries.maps(strings, below).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m)),
        below.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)));
  }

  private static void assertRoundTrip(Object tree) {
    String yaml = write(tree);
    Object expected = normalize(tree);
    assertThat(read11(yaml)).as("YAML 1.1:%n%s", yaml).isEqualTo(expected);
    Object core = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    assertThat(normalize(core)).as("YAML 1.2 core:%n%s", yaml).isEqualTo(expected);
    try {
      JsonNode jackson = JACKSON.readTree(yaml);
      assertThat(jackson).as("Jackson:%n%s", yaml).isEqualTo(JSON.valueToTree(tree));
    } catch (java.io.IOException e) {
      throw new AssertionError(yaml, e);
    }
  }

  private static Object read11(String yaml) {
    try {
      return normalize(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    } catch (RuntimeException e) {
      throw new AssertionError("YAML 1.1 cannot read:\n" + yaml, e);
    }
  }

  private static String write(Object tree) {
    StringWriter out = new StringWriter();
    WRITER.writeTree(tree, out);
    return out.toString();
  }

  /** Numbers as BigInteger (readers pick Integer or Long), everything else as is. */
  private static Object normalize(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(normalize(k), normalize(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(YamlWriterRoundTripTest::normalize).toList();
    }
    if (o instanceof Integer || o instanceof Long) {
      return BigInteger.valueOf(((Number) o).longValue());
    }
    return o;
  }
}
