package dev.envprofile.engine.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Last line of defence: masks any credential value found in a message. Checks already build
 * messages from names only; this catches a value that slips through (a host in a URL, an arg).
 * Values shorter than 4 characters or equal to a name in the namespace are left alone: masking
 * "db" or an object's own name would make messages unreadable without hiding anything.
 */
public final class Redactor {
  public static final String MASK = "****";
  private static final int WHOLE_WORD_BELOW = 8;
  private static final Comparator<String> LONGEST_FIRST =
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());
  private final List<String> values;
  private final ValueMatcher matcher;

  public Redactor(Collection<String> credentialValues, Set<String> names) {
    List<String> v = new ArrayList<>();
    for (String s : credentialValues) {
      if (s != null && s.length() >= 4 && !names.contains(s)) {
        v.add(s);
      }
    }
    v.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(v);
    this.matcher = new ValueMatcher(this.values);
  }

  public static Redactor none() {
    return new Redactor(List.of(), Set.of());
  }

  public String mask(String message) {
    if (message == null || message.length() < 4 || values.isEmpty()) {
      return message;
    }
    // One pass over the message finds the candidates: with thousands of credentials in a namespace,
    // trying each one on each message would dominate an audit.
    Set<String> candidates = matcher.find(message, LONGEST_FIRST);
    String out = message;
    for (String v : candidates) {
      if (out.contains(v)) {
        out = v.length() >= WHOLE_WORD_BELOW ? out.replace(v, MASK) : maskWords(out, v);
      }
    }
    return out;
  }

  /** Short values ("test", "root") are masked where they stand alone, not inside "latest". */
  private static String maskWords(String text, String value) {
    StringBuilder sb = new StringBuilder();
    int from = 0;
    int i;
    while ((i = text.indexOf(value, from)) >= 0) {
      int end = i + value.length();
      boolean alone = (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
      sb.append(text, from, i).append(alone ? MASK : value);
      from = end;
    }
    return sb.append(text.substring(from)).toString();
  }
}
