package dev.envprofile.operator.reconciler;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric names a PromQL expression selects, by a small scanner: strings, label matchers
 * ({...}), ranges ([...]), numbers and durations, functions (a name before "("), aggregation and
 * binary keywords, and the label lists of by/without/on/ignoring/group_left/group_right are not
 * metric names; every other identifier is.
 */
final class PromqlNames {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "sum", "min", "max", "avg", "group", "stddev", "stdvar",
      "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "atan2");
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private PromqlNames() {}

  static Set<String> of(String expr) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    int depth = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '{') {
        i = skipTo(expr, i, '}');
      } else if (c == '[') {
        i = skipTo(expr, i, ']');
      } else if (c == '$') {
        i = identifierEnd(expr, i + 1);
      } else if (Character.isDigit(c) || c == '.') {
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int end = identifierEnd(expr, i);
        String word = expr.substring(i, end);
        int next = end;
        while (next < expr.length() && Character.isWhitespace(expr.charAt(next))) {
          next++;
        }
        boolean call = next < expr.length() && expr.charAt(next) == '(';
        if (LABEL_LISTS.contains(word) && call) {
          end = skipTo(expr, next, ')');
        } else if (!call && !KEYWORDS.contains(word)) {
          out.add(word);
        }
        i = end;
      } else {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth < 0) {
          throw new IllegalArgumentException("unbalanced ')' in " + expr);
        }
        i++;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced '(' in " + expr);
    }
    return out;
  }

  private static int identifierEnd(String s, int i) {
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
      i++;
    }
    return i;
  }

  /** Past the closing character, strings inside skipped whole. */
  private static int skipTo(String s, int open, char close) {
    int i = open + 1;
    while (i < s.length() && s.charAt(i) != close) {
      char c = s.charAt(i);
      i = c == '"' || c == '\'' || c == '`' ? skipString(s, i) : i + 1;
    }
    if (i >= s.length()) {
      throw new IllegalArgumentException("no '" + close + "' after position " + open + " in " + s);
    }
    return i + 1;
  }

  private static int skipString(String s, int open) {
    char quote = s.charAt(open);
    int i = open + 1;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
    }
    if (i >= s.length()) {
      throw new IllegalArgumentException("unterminated string in " + s);
    }
    return i + 1;
  }
}
