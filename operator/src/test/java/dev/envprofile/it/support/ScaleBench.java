package dev.envprofile.it.support;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code make bench-operator}: the operator at scale on a control plane of its own. Arguments:
 * namespaces, workloads per namespace, watched objects, unrelated Secrets, extra kwok nodes, and
 * the JSON file to write (defaults: 100 10 10000 1000 30 operator/target/bench/scale.json).
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    int namespaces = arg(args, 0, 100);
    ScaleRun.Plan plan = new ScaleRun.Plan("scale", namespaces, arg(args, 1, 10), arg(args, 2, 10_000), arg(args, 3, 1_000),
        arg(args, 4, 30), Duration.ofMinutes(5));
    Path out = Path.of(args.length > 5 ? args[5] : ControlPlane.root().resolve("operator/target/bench/scale.json").toString());
    ScaleResult r = new ScaleRun(ControlPlane.get(), plan).run();
    System.out.println(r.table());
    ScaleRun.write(out, r.json());
    System.exit(0);
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
