package dev.envprofile.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.InvalidProfileException;
import dev.envprofile.engine.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and validates the profile file: one EnvironmentProfile, strict about fields and enum values. */
final class ProfileLoader {
  private static final ObjectMapper STRICT = LinearYamlFactory.mapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private ProfileLoader() {}

  /** The profile in {@code file}, validated as the API server would (kind, fields, schema, CEL rules). */
  static EnvironmentProfile read(String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new BadInputException(file, -1, "no such file");
    }
    String text = Inputs.read(path);
    List<Document> docs = ManifestReader.documents(file, text);
    if (docs.size() != 1) {
      throw new BadInputException(file, -1, "expected one EnvironmentProfile, found " + docs.size() + " documents");
    }
    Document doc = docs.get(0);
    if (!"EnvironmentProfile".equals(doc.object().getKind())
        || !EnvironmentProfile.API_VERSION.equals(doc.object().getApiVersion())) {
      throw new BadInputException(file, doc.line(), "expected apiVersion " + EnvironmentProfile.API_VERSION
          + " kind EnvironmentProfile, found " + doc.object().getApiVersion() + " " + doc.object().getKind());
    }
    return validated(file, text);
  }

  /**
   * An EnvironmentProfile found among the manifests, validated like a --profile file. Its fields
   * are checked on the object as read (every field kept), so errors name the document's line.
   */
  static EnvironmentProfile fromInput(Document doc) {
    String text = ManifestReader.serialization().asYaml(doc.object());
    try {
      return validated(doc.source(), text);
    } catch (BadInputException e) {
      throw new BadInputException(doc.source(), doc.line(), doc.object().getKind() + "/"
          + doc.object().getMetadata().getName() + ": " + e.getMessage());
    }
  }

  /** The profile's metadata.namespace, or null when it names none. */
  static String namespaceOf(EnvironmentProfile profile) {
    String ns = profile.getMetadata() == null ? null : profile.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? null : ns;
  }

  static Settings settings(String file, String namespace, EnvironmentProfile profile) {
    try {
      return Engine.settings(namespace, profile.getSpec());
    } catch (InvalidProfileException e) {
      throw new BadInputException(file, -1, "invalid profile: " + e.getMessage());
    }
  }

  private static EnvironmentProfile validated(String file, String text) {
    EnvironmentProfile profile = parse(file, text);
    ProfileSchema.problem(tree(file, text)).ifPresent(problem -> {
      throw new BadInputException(file, -1, problem);
    });
    return profile;
  }

  private static EnvironmentProfile parse(String file, String text) {
    try {
      return STRICT.readValue(text, EnvironmentProfile.class);
    } catch (JsonMappingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      if (e instanceof UnrecognizedPropertyException u) {
        // Jackson points at the value, which for a block map is the next line: name the key's line
        line = keyLine(text, u.getPath(), line);
      }
      throw new BadInputException(file, line, describe(e));
    } catch (JsonProcessingException e) {
      throw YamlErrors.of(file, text, e);
    }
  }

  /** The line of the key at {@code path} (a path of map keys), read from the token stream; {@code fallback} if not found. */
  static int keyLine(String text, List<JsonMappingException.Reference> path, int fallback) {
    if (path.isEmpty() || path.stream().anyMatch(r -> r.getFieldName() == null)) {
      return fallback;
    }
    try (com.fasterxml.jackson.core.JsonParser p = STRICT.getFactory().createParser(text)) {
      java.util.ArrayDeque<String> at = new java.util.ArrayDeque<>();
      String key = null;
      for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> {
            key = p.currentName();
            if (at.size() == path.size() && key.equals(path.get(path.size() - 1).getFieldName())
                && matches(at, path)) {
              return p.currentTokenLocation().getLineNr();
            }
          }
          case START_OBJECT, START_ARRAY -> {
            at.addLast(key == null ? "" : key);
            key = null;
          }
          case END_OBJECT, END_ARRAY -> at.pollLast();
          default -> key = null;
        }
      }
    } catch (java.io.IOException e) {
      return fallback;
    }
    return fallback;
  }

  /** Whether the open maps (after the document's root) are the first keys of {@code path}. */
  private static boolean matches(java.util.ArrayDeque<String> at, List<JsonMappingException.Reference> path) {
    int i = -1;
    for (String k : at) {
      if (i >= 0 && !k.equals(path.get(i).getFieldName())) {
        return false;
      }
      i++;
    }
    return true;
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String file, String text) {
    try {
      return STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw YamlErrors.of(file, text, e);
    }
  }

  private static String describe(JsonMappingException e) {
    String field = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds() == null ? List.of()
          : u.getKnownPropertyIds().stream().map(String::valueOf).toList();
      return field + ": unknown field '" + u.getPropertyName() + "'"
          + Suggestions.closest(u.getPropertyName(), known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(ProfileLoader::wireName)
          .collect(Collectors.joining(", "));
      return field + ": unknown value '" + f.getValue() + "' (one of " + allowed + ")";
    }
    String typed = TypeErrors.describe(e);
    return typed != null ? typed : field + ": " + ManifestReader.firstLine(e.getOriginalMessage());
  }

  private static String wireName(Object enumConstant) {
    try {
      var f = enumConstant.getClass().getField(((Enum<?>) enumConstant).name());
      var p = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      return p != null ? p.value() : ((Enum<?>) enumConstant).name();
    } catch (NoSuchFieldException e) {
      return enumConstant.toString();
    }
  }
}
