package dev.envprofile.engine.workload;

import dev.envprofile.engine.facts.EnvEntry;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory arithmetic for limits: quantities, and a JVM's -Xmx from its env or args. */
public final class Memory {
  public static final long MI = 1024L * 1024L;
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgGtT]?)\\b");

  private Memory() {}

  public static long bytes(String quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
  }

  public static BigDecimal amount(Quantity q) {
    return q.getNumericalAmount();
  }

  /** The quantity as whole mebibytes, rounded up: "768Mi". */
  public static String mebibytes(long bytes) {
    return ((bytes + MI - 1) / MI) + "Mi";
  }

  /** The largest -Xmx in the values (env values, command, args), in bytes, or 0. */
  public static long maxHeap(List<String> values) {
    long max = 0;
    for (String v : values) {
      if (v == null) {
        continue;
      }
      Matcher m = XMX.matcher(v);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 1024L;
          case "m" -> MI;
          case "g" -> 1024L * MI;
          case "t" -> 1024L * 1024L * MI;
          default -> 1L;
        };
        max = Math.max(max, n * unit);
      }
    }
    return max;
  }

  public static List<String> jvmValues(List<EnvEntry> env, List<String> command, List<String> args) {
    List<String> out = new ArrayList<>();
    env.forEach(e -> out.add(e.value()));
    if (command != null) {
      out.addAll(command);
    }
    if (args != null) {
      out.addAll(args);
    }
    return out;
  }
}
