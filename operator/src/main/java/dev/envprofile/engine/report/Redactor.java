package dev.envprofile.engine.report;

import dev.envprofile.engine.credentials.CredentialNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Last line of defence: masks credential values where they stand as values in a message. Checks
 * already build messages from names only; this catches a value that slips through (a URL, an arg).
 *
 * <p>A value is masked where it is a value, never inside a name. Masking "admin" inside
 * {@code Secret/grafana-admin-password} would print {@code ****-password} and tell the reader
 * the value; masking a namespace named like a password would blank every line. So, for each
 * occurrence of a credential value in a message (words are runs of letters, digits, '_', and '.'
 * or '-' between them):
 * <ol>
 *   <li>in a value position, it is masked: the password of URL userinfo ({@code :v@}), or the whole
 *       value of an assignment to a credential name ({@code DB_PASSWORD=v}, {@code password: v});
 *   <li>otherwise, inside a word that is a name of the namespace (object, namespace, kind, container,
 *       key, variable, check id), it stays: names are not secrets, and a mask inside one reveals;
 *   <li>otherwise a value of 8 or more characters is masked wherever it appears, inside words too;
 *   <li>a shorter value (4 to 7 characters) only where it is a whole word ("root", not "rootless");
 *   <li>values under 4 characters are never masked: they are ordinary words ("db", "api").
 * </ol>
 * Overlapping masks merge into one {@code ****}.
 */
public final class Redactor {
  public static final String MASK = "****";
  private static final int MIN_LENGTH = 4;
  private static final int ANYWHERE_FROM = 8;
  private final ValueMatcher matcher;
  private final Set<String> names;
  private final boolean empty;

  /**
   * @param credentialValues every credential value of the namespace
   * @param names the names of the namespace: objects, the namespace, kinds, containers, keys, check ids
   */
  public Redactor(Collection<String> credentialValues, Set<String> names) {
    List<String> v = new ArrayList<>();
    for (String s : credentialValues) {
      if (s != null && s.length() >= MIN_LENGTH) {
        v.add(s);
      }
    }
    v.sort(Comparator.comparingInt(String::length).reversed());
    this.matcher = new ValueMatcher(List.copyOf(v));
    this.names = Set.copyOf(names);
    this.empty = v.isEmpty();
  }

  public static Redactor none() {
    return new Redactor(List.of(), Set.of());
  }

  public String mask(String message) {
    if (message == null || message.length() < MIN_LENGTH || empty) {
      return message;
    }
    int n = message.length();
    // Masked ranges as [start, end) pairs; an occurrence is judged in O(1) after one pass that finds the words.
    List<int[]> ranges = new ArrayList<>();
    // Words are found only for a message that holds a value: most hold none, and finding them was
    // the larger part of masking a report of thousands of messages.
    Words[] found = new Words[1];
    Map<Integer, Boolean> isName = new HashMap<>();
    matcher.each(message, (value, end) -> {
      Words words = found[0] == null ? (found[0] = new Words(message)) : found[0];
      int start = end - value.length();
      boolean whole = !words.inWord(start - 1) && !words.inWord(end);
      boolean mask;
      if (whole && valuePosition(message, start, end)) {
        mask = true;
      } else {
        int word = words.wordAt(start, end);
        boolean name = word >= 0 && isName.computeIfAbsent(word, w -> names.contains(words.text(w)));
        mask = !name && (value.length() >= ANYWHERE_FROM || whole);
      }
      if (mask) {
        ranges.add(new int[] {start, end});
      }
    });
    if (ranges.isEmpty()) {
      return message;
    }
    ranges.sort(Comparator.comparingInt(r -> r[0]));
    StringBuilder sb = new StringBuilder(n);
    int from = 0;
    int i = 0;
    while (i < ranges.size()) {
      int start = ranges.get(i)[0];
      int end = ranges.get(i)[1];
      while (++i < ranges.size() && ranges.get(i)[0] <= end) {
        end = Math.max(end, ranges.get(i)[1]);
      }
      if (start < from) {
        start = from;
      }
      sb.append(message, from, start).append(MASK);
      from = Math.max(from, end);
    }
    return sb.append(message, from, n).toString();
  }

  /** {@code :v@} (URL userinfo) or {@code key=v} / {@code key: v} / {@code "key": "v"} with a credential key. */
  private static boolean valuePosition(String m, int start, int end) {
    if (start > 0 && m.charAt(start - 1) == ':' && end < m.length() && m.charAt(end) == '@') {
      return true;
    }
    int i = start - 1;
    int budget = 4;
    while (i >= 0 && budget > 0 && (m.charAt(i) == ' ' || m.charAt(i) == '"' || m.charAt(i) == '\'')) {
      i--;
      budget--;
    }
    if (i < 0 || m.charAt(i) != '=' && m.charAt(i) != ':') {
      return false;
    }
    i--;
    budget = 2;
    while (i >= 0 && budget > 0 && (m.charAt(i) == '"' || m.charAt(i) == '\'')) {
      i--;
      budget--;
    }
    int keyEnd = i + 1;
    int limit = Math.max(0, keyEnd - 200);
    while (i >= limit && isKeyChar(m.charAt(i))) {
      i--;
    }
    return keyEnd > i + 1 && CredentialNames.isCredentialName(m.substring(i + 1, keyEnd));
  }

  private static boolean isKeyChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
  }

  /** The words of a message, found once: letters, digits and '_', joined by inner '.' and '-'. */
  private static final class Words {
    private final String text;
    private final int[] wordOf; // word index per character, -1 outside words
    private final List<int[]> spans = new ArrayList<>();

    Words(String text) {
      this.text = text;
      int n = text.length();
      wordOf = new int[n];
      int i = 0;
      while (i < n) {
        if (!inWord(i)) {
          wordOf[i++] = -1;
          continue;
        }
        int start = i;
        while (i < n && inWord(i)) {
          wordOf[i++] = spans.size();
        }
        spans.add(new int[] {start, i});
      }
    }

    boolean inWord(int i) {
      if (i < 0 || i >= text.length()) {
        return false;
      }
      char c = text.charAt(i);
      if (isWordChar(c)) {
        return true;
      }
      return (c == '.' || c == '-') && i > 0 && i + 1 < text.length() && isWordChar(text.charAt(i - 1))
          && isWordChar(text.charAt(i + 1));
    }

    /** The word that holds the whole range, or -1 when the range is not inside one word. */
    int wordAt(int start, int end) {
      if (start >= end || wordOf[start] < 0 || wordOf[start] != wordOf[end - 1]) {
        return -1;
      }
      return wordOf[start];
    }

    String text(int word) {
      int[] s = spans.get(word);
      return text.substring(s[0], s[1]);
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }
  }
}
