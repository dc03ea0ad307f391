package dev.envprofile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The profile checked against the CRD's own schema, as the API server checks it: types, enums,
 * patterns, minimum and maximum, lengths and item counts, required fields and the CEL rules of x-kubernetes-validations.
 * The schema is read from the CRD in the jar, so a constraint added to the API is enforced here
 * without a change; a CEL rule needs its Java form in {@link #RULES} (a test fails until it has
 * one). Problems read as the API server's: the field path, then what is wrong.
 */
final class ProfileSchema {
  static final String CRD = "META-INF/fabric8/environmentprofiles.envprofile.dev-v1.yml";

  /**
   * The CRD's CEL rules, keyed by the rule's text. CEL's has() is "present and not null" here:
   * the API server prunes nulls from fields that are not nullable before it runs rules.
   */
  static final Map<String, Predicate<JsonNode>> RULES = Map.of(
      "!has(self.provider) || self.provider != 'ExternalSecret' || has(self.externalSecret)",
      self -> !has(self, "provider") || !"ExternalSecret".equals(self.get("provider").asText()) || has(self, "externalSecret"),
      "!(has(self.clusterIssuer) && has(self.issuer))",
      self -> !(has(self, "clusterIssuer") && has(self, "issuer")),
      "!has(self.autoscaling) || !has(self.autoscaling.maxReplicas) || !has(self.minReplicas)"
          + " || self.autoscaling.maxReplicas >= self.minReplicas",
      self -> !has(self, "autoscaling") || !has(self.get("autoscaling"), "maxReplicas") || !has(self, "minReplicas")
          || self.get("autoscaling").get("maxReplicas").asLong() >= self.get("minReplicas").asLong());

  private static final JsonNode SCHEMA = load();
  /** The CRD's patterns (fixed by the API, each linear: no nested or ambiguous quantifier). */
  private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  private ProfileSchema() {}

  /** The first problem of {@code profile} (the whole document), or empty when the API server would store it. */
  static Optional<String> problem(JsonNode profile) {
    List<String> problems = new ArrayList<>();
    validate(profile.path("spec"), SCHEMA.path("properties").path("spec"), "spec", problems, !profile.has("spec"));
    return problems.stream().findFirst();
  }

  /** The schema of the profile (openAPIV3Schema of the served version). */
  static JsonNode schema() {
    return SCHEMA;
  }

  private static void validate(JsonNode value, JsonNode schema, String path, List<String> problems, boolean absent) {
    if (absent || value.isMissingNode() || value.isNull()) {
      return; // a null is allowed where nullable, and pruned by the API server elsewhere
    }
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      problems.add(path + ": Invalid value: \"" + typeName(value) + "\": must be of type " + type);
      return;
    }
    // Lengths first: a pattern never runs on a string longer than the schema allows.
    if (value.isTextual() && schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
      problems.add(path + ": Too long: may not be more than " + schema.get("maxLength").asInt() + " bytes");
      return;
    }
    if (value.isTextual() && schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
      problems.add(path + ": Invalid value: \"" + shortText(value.asText()) + "\": should be at least "
          + schema.get("minLength").asInt() + " chars long");
      return;
    }
    if (value.isArray() && schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      problems.add(path + ": Too many: " + value.size() + ": must have at most " + schema.get("maxItems").asInt() + " items");
      return;
    }
    if (value.isArray() && schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      problems.add(path + ": Invalid value: " + value.size() + ": should have at least " + schema.get("minItems").asInt()
          + " items");
      return;
    }
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(value.asText())) {
        problems.add(path + ": Unsupported value: \"" + shortText(value.asText()) + "\": supported values: "
            + allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ")));
        return;
      }
    }
    if (schema.has("pattern") && !PATTERNS.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile)
        .matcher(value.asText()).find()) {
      problems.add(path + ": Invalid value: \"" + shortText(value.asText()) + "\": must match '"
          + schema.get("pattern").asText() + "'");
      return;
    }
    if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
      problems.add(path + ": Invalid value: " + value.asText() + ": must be greater than or equal to "
          + schema.get("minimum").asLong());
      return;
    }
    if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
      problems.add(path + ": Invalid value: " + value.asText() + ": must be less than or equal to "
          + schema.get("maximum").asLong());
      return;
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!has(value, required.asText())) {
          problems.add(path + "." + required.asText() + ": Required value");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode sub = schema.path("properties").path(f.getKey());
        if (sub.isMissingNode()) {
          sub = schema.path("additionalProperties");
        }
        if (sub.isObject()) {
          validate(f.getValue(), sub, path + "." + f.getKey(), problems, false);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        validate(value.get(i), schema.path("items"), path + "[" + i + "]", problems, false);
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    for (JsonNode v : schema.path("x-kubernetes-validations")) {
      Predicate<JsonNode> rule = RULES.get(normalize(v.path("rule").asText()));
      if (rule != null && !rule.test(value)) {
        problems.add(path + ": Invalid value: \"object\": " + v.path("message").asText());
      }
    }
  }

  private static boolean has(JsonNode object, String field) {
    return object.has(field) && !object.get(field).isNull();
  }

  private static boolean hasType(JsonNode v, String type) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "integer" -> v.isIntegralNumber() || (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
          && !Double.isInfinite(v.asDouble()));
      case "number" -> v.isNumber();
      default -> true;
    };
  }

  private static String typeName(JsonNode v) {
    return v.isTextual() ? "string" : v.isBoolean() ? "boolean" : v.isNumber() ? "number" : v.isArray() ? "array" : "object";
  }

  private static String shortText(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  static String normalize(String rule) {
    return rule.replaceAll("\\s+", " ").strip();
  }

  private static JsonNode load() {
    try (InputStream in = ProfileSchema.class.getClassLoader().getResourceAsStream(CRD)) {
      if (in == null) {
        throw new IllegalStateException("the CRD is not on the classpath: " + CRD);
      }
      JsonNode crd = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in);
      return crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
