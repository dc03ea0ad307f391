package dev.envprofile.engine.facts;

import java.util.Map;

/**
 * The kubelet's expansion of {@code $(VAR)} in literal env values: a variable the container
 * defines is replaced by its value, {@code $$} escapes, anything else stays as written. A single
 * left-to-right pass, so a hostile value costs linear time.
 */
public final class Expansion {
  /** Longest variable name looked for after "$(": env names are short, hostile values are not. */
  private static final int MAX_NAME = 256;

  private Expansion() {}

  public static String expand(String value, Map<String, String> env) {
    if (value.indexOf("$(") < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
        int close = i + 2;
        while (close < value.length() && close - i < MAX_NAME && value.charAt(close) != ')') {
          close++;
        }
        String name = close < value.length() && value.charAt(close) == ')' ? value.substring(i + 2, close) : null;
        if (name != null && env.containsKey(name)) {
          out.append(env.get(name));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
