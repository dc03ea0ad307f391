package dev.envprofile.cli;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** A value of the wrong type, said as "field: expected an integer, found "abc"" instead of Jackson's class names. */
final class TypeErrors {
  private TypeErrors() {}

  /** The message for the first mapping error in {@code e}'s causes, or null when there is none. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MismatchedInputException m && m.getTargetType() != null) {
        String found = m instanceof InvalidFormatException f && f.getValue() != null
            ? ", found \"" + shown(String.valueOf(f.getValue())) + "\"" : "";
        return path(m) + ": expected " + expected(m.getTargetType()) + found;
      }
    }
    return null;
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String expected(Class<?> type) {
    String n = type.getSimpleName();
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a map";
    }
    if (n.equals("IntOrString")) {
      return "an integer or a string";
    }
    if (n.equals("Quantity")) {
      return "a quantity";
    }
    return "an object";
  }

  private static String shown(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
