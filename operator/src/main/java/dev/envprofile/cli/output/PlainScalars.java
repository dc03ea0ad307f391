package dev.envprofile.cli.output;

import java.util.Locale;
import java.util.Set;

/**
 * Which strings may be written as plain (unquoted) YAML scalars and still read back as the same
 * string by every YAML reader a manifest meets: YAML 1.2 (kubectl's JSON-compatible schema), YAML
 * 1.1 (go-yaml v2 behind sigs.k8s.io/yaml, SnakeYAML: {@code yes}, {@code on}, {@code 0123} octal,
 * {@code 1_000}, {@code 12:30} sexagesimal, timestamps) and Go's number syntax ({@code 0o17},
 * {@code 0x1F}). Deliberately conservative: anything that starts like a number and is made only of
 * characters numbers, dates and times use is quoted, so is anything starting with an indicator.
 * One pass over the string, no regular expression.
 */
final class PlainScalars {
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
      ".inf", "-.inf", "+.inf", ".nan", "<<", "=");
  /** Characters of YAML 1.1/1.2 and Go numbers, dates and times (hex digits, 0x 0o 0b, _, :, T, Z). */
  private static final String NUMBERISH = "0123456789abcdefABCDEFxXoObBtTzZ_.:+- ";
  /** A plain scalar may not start with these (c-indicator), nor with a space. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private PlainScalars() {}

  static boolean safe(String s) {
    if (s.isEmpty() || s.length() > 8192 || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (Character.isWhitespace(first) || Character.isWhitespace(last) || last == ':') {
      return false;
    }
    // "-Xmx768m" and "--port=80" read as strings; "-", "- x", "-1" and "---" do not.
    if (INDICATORS.indexOf(first) >= 0 && !dashedWord(s)) {
      return false;
    }
    boolean numberish = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        return false;
      }
      if ((c == ':' || c == '#') && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        return false;
      }
      if (c == '#' && i > 0 && s.charAt(i - 1) == ' ') {
        return false;
      }
      if (NUMBERISH.indexOf(c) < 0) {
        numberish = false;
      }
    }
    int start = first == '+' || first == '-' ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    char lead = s.charAt(start);
    return !(numberish && (Character.isDigit(lead) || lead == '.'));
  }

  /** "-X..." or "--x...": an option-like word, never a number, a list entry or a document marker. */
  private static boolean dashedWord(String s) {
    int i = s.startsWith("--") ? 2 : s.startsWith("-") ? 1 : -1;
    return i > 0 && i < s.length() && Character.isLetter(s.charAt(i));
  }
}
