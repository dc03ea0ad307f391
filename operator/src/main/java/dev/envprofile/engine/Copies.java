package dev.envprofile.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Deep copies of model objects, so that a promotion never mutates its input. */
public final class Copies {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Copies() {}

  @SuppressWarnings("unchecked")
  public static <T> T deep(T o) {
    if (o == null) {
      return null;
    }
    return (T) MAPPER.convertValue(o, o.getClass());
  }

  /** Whether two objects serialize to the same JSON tree. */
  public static boolean same(HasMetadata a, HasMetadata b) {
    return MAPPER.valueToTree(a).equals(MAPPER.valueToTree(b));
  }
}
