package dev.envprofile.engine.credentials;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials recognisable by their own shape, whatever the key is called: the documented prefixes of
 * GitHub, GitLab, Slack, Stripe, AWS, Google, npm, PyPI, Hugging Face, SendGrid and OpenAI tokens. A
 * prefix counts at the start of a word only, and only when enough token characters follow it (so the
 * word {@code sk_live_} in a comment is not a token). Scanning is one pass; each candidate reads at
 * most 512 characters.
 */
public final class TokenPrefixes {
  /** What a token is called in findings. */
  public record Token(String kind, String value) {}

  private enum Chars { ALNUM, ALNUM_UNDERSCORE, ALNUM_DASH_UNDERSCORE, UPPER_DIGIT, SENDGRID }

  private record Kind(String prefix, int min, int max, Chars chars, String name) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("ghp_", 30, 255, Chars.ALNUM, "GitHub token"),
      new Kind("gho_", 30, 255, Chars.ALNUM, "GitHub token"),
      new Kind("ghu_", 30, 255, Chars.ALNUM, "GitHub token"),
      new Kind("ghs_", 30, 255, Chars.ALNUM, "GitHub token"),
      new Kind("ghr_", 30, 255, Chars.ALNUM, "GitHub token"),
      new Kind("github_pat_", 22, 255, Chars.ALNUM_UNDERSCORE, "GitHub token"),
      new Kind("glpat-", 20, 255, Chars.ALNUM_DASH_UNDERSCORE, "GitLab token"),
      new Kind("xoxb-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xoxp-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xoxa-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xoxr-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xoxs-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xoxe-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("xapp-", 10, 255, Chars.ALNUM_DASH_UNDERSCORE, "Slack token"),
      new Kind("sk_live_", 16, 255, Chars.ALNUM, "Stripe key"),
      new Kind("rk_live_", 16, 255, Chars.ALNUM, "Stripe key"),
      new Kind("sk_test_", 16, 255, Chars.ALNUM, "Stripe key"),
      new Kind("rk_test_", 16, 255, Chars.ALNUM, "Stripe key"),
      new Kind("whsec_", 24, 255, Chars.ALNUM, "Stripe webhook secret"),
      new Kind("AKIA", 16, 16, Chars.UPPER_DIGIT, "AWS access key id"),
      new Kind("ASIA", 16, 16, Chars.UPPER_DIGIT, "AWS access key id"),
      new Kind("AIza", 35, 35, Chars.ALNUM_DASH_UNDERSCORE, "Google API key"),
      new Kind("npm_", 36, 36, Chars.ALNUM, "npm token"),
      new Kind("pypi-", 50, 255, Chars.ALNUM_DASH_UNDERSCORE, "PyPI token"),
      new Kind("hf_", 30, 255, Chars.ALNUM, "Hugging Face token"),
      new Kind("SG.", 60, 255, Chars.SENDGRID, "SendGrid key"),
      new Kind("sk-", 40, 255, Chars.ALNUM_DASH_UNDERSCORE, "OpenAI key"));
  private static final int MAX_BODY = 512;

  private TokenPrefixes() {}

  public static List<Token> find(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.length() < 12) {
      return out;
    }
    int n = Math.min(text.length(), dev.envprofile.engine.config.UrlScanner.LIMIT);
    int i = 0;
    while (i < n) {
      int next = i + 1;
      if (i == 0 || !isWordChar(text.charAt(i - 1))) {
        for (Kind k : KINDS) {
          if (text.startsWith(k.prefix(), i)) {
            int start = i + k.prefix().length();
            int end = start;
            int stop = Math.min(n, start + Math.min(MAX_BODY, k.max() + 1));
            while (end < stop && accepts(k.chars(), text.charAt(end))) {
              end++;
            }
            int len = end - start;
            boolean bounded = end >= n || !isWordChar(text.charAt(end)) || k.chars() == Chars.UPPER_DIGIT
                && !Character.isLetterOrDigit(text.charAt(end));
            if (len >= k.min() && len <= k.max() && bounded && (k.chars() != Chars.SENDGRID || hasDot(text, start, end))) {
              out.add(new Token(k.name(), text.substring(i, end)));
              next = end;
              break;
            }
            // A token cannot start inside the characters just read: skipping them keeps "xoxb-xoxb-..." linear.
            next = Math.max(next, end);
          }
        }
      }
      i = next;
    }
    return out;
  }

  private static boolean hasDot(String s, int from, int to) {
    int d = s.indexOf('.', from);
    return d > from && d < to - 1;
  }

  private static boolean accepts(Chars chars, char c) {
    boolean alnum = c < 128 && Character.isLetterOrDigit(c);
    return switch (chars) {
      case ALNUM -> alnum;
      case ALNUM_UNDERSCORE -> alnum || c == '_';
      case ALNUM_DASH_UNDERSCORE -> alnum || c == '_' || c == '-';
      case UPPER_DIGIT -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      case SENDGRID -> alnum || c == '_' || c == '-' || c == '.';
    };
  }

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
