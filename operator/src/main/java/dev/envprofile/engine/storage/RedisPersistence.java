package dev.envprofile.engine.storage;

import dev.envprofile.engine.facts.ConfigText;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a Redis or Valkey server is configured to persist nothing: snapshots off ({@code save ""}
 * in its config file, {@code --save ""} on its command line) and no append-only file. Such a server
 * is a cache: a claim at its data directory would hold nothing, and converting it to a StatefulSet
 * only costs a volume. It still keeps state in memory, so it is still never scaled.
 */
public final class RedisPersistence {
  /** Bytes of one config file that are read; a longer file is read in its head only. */
  static final int MAX_SCAN = 64 * 1024;

  private RedisPersistence() {}

  public static boolean off(Container c, List<ConfigText> files) {
    List<String> words = new ArrayList<>();
    if (c.getCommand() != null) {
      words.addAll(c.getCommand());
    }
    if (c.getArgs() != null) {
      words.addAll(c.getArgs());
    }
    boolean saveOff = false;
    boolean aof = false;
    for (int i = 0; i + 1 < words.size(); i++) {
      String w = words.get(i) == null ? "" : words.get(i).strip().toLowerCase(Locale.ROOT);
      String next = words.get(i + 1) == null ? "" : words.get(i + 1).strip().toLowerCase(Locale.ROOT);
      if (w.equals("--save")) {
        saveOff |= empty(next);
      } else if (w.equals("--appendonly")) {
        aof |= next.equals("yes");
      }
    }
    for (ConfigText t : files) {
      if (t.origin().equals("command") || t.origin().equals("args")) {
        continue;
      }
      String text = t.text().length() > MAX_SCAN ? t.text().substring(0, MAX_SCAN) : t.text();
      for (String line : text.split("\n")) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("save ") || l.startsWith("save\t")) {
          String value = l.substring(5).strip();
          saveOff |= empty(value);
          if (!empty(value)) {
            return false; // a snapshot schedule: it persists
          }
        } else if (l.startsWith("appendonly ")) {
          aof |= l.substring(11).strip().equals("yes");
        }
      }
    }
    return saveOff && !aof;
  }

  private static boolean empty(String v) {
    return v.isEmpty() || v.equals("\"\"") || v.equals("''");
  }
}
