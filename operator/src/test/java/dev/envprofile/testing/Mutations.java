package dev.envprofile.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Mutations of YAML text for fuzzing: lines dropped, duplicated, swapped, re-indented, truncated; syntax and odd values injected. */
public final class Mutations {
  private static final String[] SYNTAX = {":", "{", "}", "[", "]", "- ", "\"", "'", "\t", "\n", "#", "&a", "*a", "!!int ",
      "|", ">", "%", "@", "`", "? ", ",", "\\", "\u0000", "\uFEFF", "é", "日本", "🙂", "~", "null", "0x1F", "1e999"};
  private static final String[] VALUES = {"", "null", "~", "true", "-1", "99999999999999999999", "1.5", "[]", "{}",
      "\"x\"", "a".repeat(70_000), "ünïcødé-名前", "\"\\u0000\"", "!!binary aGVsbG8=", "*undefined", "0o777"};

  /** Text each scanner of values finds hardest (host, reference and credential scanners; the YAML reader). */
  private static final String[] PATHOLOGICAL = {"a", "a.", "${", "://", "$(", "a:", "-", " ", "%", "@a"};

  private Mutations() {}

  /**
   * One hostile change: a value of up to 512 KiB of pathological text (an env value, a ConfigMap
   * value, an arg, a key), nesting near or past the reader's limit, a YAML alias bomb, or a
   * document over the 3 MiB a Kubernetes object may hold. For the fuzz tier: whatever it is, the
   * CLI answers in seconds with a report or one line.
   */
  public static String hostile(String text, Random r) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int i = lines.isEmpty() ? 0 : r.nextInt(lines.size());
    String line = lines.isEmpty() ? "" : lines.get(i);
    String indent = line.replaceAll("[^ ].*", "");
    switch (r.nextInt(6)) {
      case 0, 1 -> {
        int colon = line.indexOf(": ");
        String value = "\"" + pathological(r, 1 + r.nextInt(1 << 19)) + "\"";
        if (colon > 0) {
          lines.set(i, line.substring(0, colon + 2) + value);
        } else {
          lines.add(i, indent + "huge" + r.nextInt(10) + ": " + value);
        }
      }
      case 2 -> lines.add(i, indent + pathological(r, 1 + r.nextInt(100_000)).replace("\"", "") + ": x");
      case 3 -> {
        int depth = 400 + r.nextInt(200);
        String open = r.nextBoolean() ? "[" : "{a: ";
        String close = open.equals("[") ? "]" : "}";
        lines.add(i, indent + "deep: " + open.repeat(depth) + "1" + close.repeat(depth));
      }
      case 4 -> {
        lines.add(i, indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]");
        for (int k = 1; k < 10; k++) {
          lines.add(i + k, indent + "l" + k + ": &l" + k + " [" + ("*l" + (k - 1) + ", ").repeat(8) + "*l" + (k - 1) + "]");
        }
      }
      default -> lines.add(i, indent + "big: \"" + "b".repeat((3 << 20) + r.nextInt(1000)) + "\"");
    }
    return String.join("\n", lines) + "\n";
  }

  /** About {@code length} characters of one pathological shape, or random text of the same alphabet. */
  static String pathological(Random r, int length) {
    if (r.nextInt(4) == 0) {
      StringBuilder b = new StringBuilder(length);
      String alphabet = String.join("", PATHOLOGICAL) + "bcdefxyz0123456789/=";
      for (int k = 0; k < length; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      return b.toString();
    }
    String unit = PATHOLOGICAL[r.nextInt(PATHOLOGICAL.length)];
    return unit.repeat(Math.max(1, length / unit.length())) + (r.nextBoolean() ? "://" : "");
  }

  public static String mutate(String text, Random r, int times) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    for (int t = 0; t < times && !lines.isEmpty(); t++) {
      int i = r.nextInt(lines.size());
      switch (r.nextInt(8)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(i));
        case 2 -> {
          int j = r.nextInt(lines.size());
          String a = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, a);
        }
        case 3 -> lines.set(i, (r.nextBoolean() ? "  " : "") + lines.get(i).replaceFirst("^ {1,2}", r.nextBoolean() ? "" : "   "));
        case 4 -> {
          String l = lines.get(i);
          int at = l.isEmpty() ? 0 : r.nextInt(l.length());
          lines.set(i, l.substring(0, at) + SYNTAX[r.nextInt(SYNTAX.length)] + l.substring(Math.min(l.length(), at + r.nextInt(2))));
        }
        case 5 -> {
          String l = lines.get(i);
          int colon = l.indexOf(": ");
          if (colon > 0) {
            lines.set(i, l.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
          }
        }
        case 6 -> lines = new ArrayList<>(lines.subList(0, i));
        default -> lines.add(i, lines.get(i).replaceAll("[^ ].*", "") + "extra" + r.nextInt(100) + ": " + VALUES[r.nextInt(VALUES.length)]);
      }
    }
    return String.join("\n", lines) + "\n";
  }

}
