package dev.envprofile.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What processes cost, seen from outside: CPU time from the OS, heap from jcmd. */
public final class ProcessStats {
  private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

  private static final List<String> COMPONENTS = List.of("etcd", "kube-apiserver", "kube-controller-manager",
      "kube-scheduler", "kwok");

  private ProcessStats() {}

  /** Heap in use after a full collection, from jcmd (the process's own view, not the OS's). */
  public static long heapAfterFullGc(Process p) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    run(jcmd.toString(), Long.toString(p.pid()), "GC.run");
    String info = run(jcmd.toString(), Long.toString(p.pid()), "GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    long used = 0;
    boolean found = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1)) * 1024;
      found = true;
    }
    if (!found) {
      throw new AssertionError("no heap figures in jcmd GC.heap_info: " + info);
    }
    return used;
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** CPU time of each control plane process so far, from the pid files up.sh writes. */
  public static Map<String, Duration> controlPlaneCpu(ControlPlane cluster) {
    Map<String, Duration> out = new java.util.LinkedHashMap<>();
    for (String c : COMPONENTS) {
      try {
        long pid = Long.parseLong(Files.readString(cluster.kubeconfig().resolveSibling(c + ".pid")).strip());
        ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).ifPresent(d -> out.put(c, d));
      } catch (IOException | NumberFormatException e) {
        // a control plane not started by up.sh has no pid files: its CPU is not reported
      }
    }
    return out;
  }

  public static Map<String, Duration> minus(Map<String, Duration> after, Map<String, Duration> before) {
    Map<String, Duration> out = new java.util.LinkedHashMap<>();
    after.forEach((k, v) -> out.put(k, before.containsKey(k) ? v.minus(before.get(k)) : v));
    return out;
  }

  /** CPU time the process used so far (user and system, every thread). */
  public static Duration cpu(Process p) {
    return p.toHandle().info().totalCpuDuration().orElse(null);
  }

}
