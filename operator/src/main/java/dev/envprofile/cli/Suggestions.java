package dev.envprofile.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean": the closest known name to a typo, by edit distance (optimal string alignment:
 * insertions, deletions, substitutions and swaps of neighbours). Bounded: names longer than
 * {@link #MAX_LENGTH} get no suggestion, so the quadratic table stays small whatever the input.
 */
final class Suggestions {
  static final int MAX_LENGTH = 64;

  private Suggestions() {}

  /** The closest candidate (of four characters or more: "-x" is not a typo of "-f") within a distance of a quarter of its length (at least 1, at most 3), or empty. */
  static Optional<String> closest(String typo, Collection<String> candidates) {
    if (typo == null || typo.isEmpty() || typo.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.length() > MAX_LENGTH || c.length() < 4 || c.equals(typo)) {
        continue;
      }
      int limit = Math.min(3, Math.max(1, c.length() / 4));
      int d = distance(typo, c);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean X?)", or "" when nothing is close. */
  static String didYouMean(String typo, Collection<String> candidates) {
    return closest(typo, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
  }

  /** Optimal string alignment distance; both strings at most {@link #MAX_LENGTH} characters. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
