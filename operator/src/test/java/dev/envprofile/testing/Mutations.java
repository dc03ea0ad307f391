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

  private Mutations() {}

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
