package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.it.support.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `make bench`'s offline harnesses, run small so that `make test` keeps them working (issue 17): the
 * comparison with the peers (compare.sh) on one tiny namespace, the repository run (repository.sh)
 * on three namespaces, the engine's JMH benchmark for one iteration, and report.sh writing them into
 * a copy of docs/performance.md. (The operator's harness has its own small run, ScaleBenchIT.) Not a
 * benchmark: nothing here is timed against a goal. Needs hyperfine (.ci/run installs it); a peer
 * that cannot be built here is reported as unavailable by the harness, which is what it checks.
 */
class BenchHarnessSmokeIT {
  private static final Path ROOT = ControlPlane.root();

  @TempDir
  Path out;

  @Test
  void compareRepositoryAndReportRunOnSmallInputs() throws Exception {
    // Surefire and failsafe put the test class path in java.class.path: the harnesses' generators need it.
    String cp = System.getProperty("java.class.path");
    Map<String, String> env = Map.of("BENCH_OUT", out.toString(), "RUNS", "1", "PEER_TIMEOUT", "120");

    run(env, "compare.sh", cp, "20");
    List<String> compare = Files.readAllLines(out.resolve("compare.tsv"));
    assertThat(compare.get(0)).startsWith("size\tobjects\ttool\tmean_s");
    assertThat(compare).anySatisfy(l -> assertThat(l.split("\t")).satisfies(f -> {
      assertThat(f[2]).isEqualTo("envprofile audit");
      assertThat(Integer.parseInt(f[1])).isPositive();
      assertThat(Double.parseDouble(f[3])).isPositive();
    }));
    for (String peer : List.of("kube-score", "polaris")) {
      // Measured beside it, or said to be unavailable and why: never silently missing.
      boolean measured = compare.stream().anyMatch(l -> l.split("\t")[2].startsWith(peer));
      assertThat(measured || Files.exists(out.resolve(peer + ".unavailable"))).as(peer).isTrue();
    }

    run(env, "repository.sh", cp, "3", "60");
    List<String> repository = Files.readAllLines(out.resolve("repository.tsv"));
    assertThat(repository).anySatisfy(l -> assertThat(l).startsWith("3\t").contains("envprofile audit"));

    // The engine's JMH harness, as bench-engine runs it, one short iteration at the smallest size.
    run(Map.of(), "jmh", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        "org.openjdk.jmh.Main", "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "size=100", "-prof", "gc",
        "-rf", "csv", "-rff", out.resolve("jmh.csv").toString(), "dev.envprofile.bench"));

    Path doc = out.resolve("performance.md");
    Files.copy(ROOT.resolve("docs/performance.md"), doc);
    Map<String, String> reportEnv = Map.of("BENCH_OUT", out.toString(), "PERFORMANCE_DOC", doc.toString());
    run(reportEnv, "report.sh");
    String written = Files.readString(doc);
    String section = written.substring(written.indexOf("<!-- bench:repository -->"), written.indexOf("<!-- /bench:repository -->"));
    assertThat(section).contains("| 3 |").contains("envprofile audit");
    assertThat(written.substring(written.indexOf("<!-- bench:jmh -->"), written.indexOf("<!-- /bench:jmh -->")))
        .contains("| audit | 100 |").contains("| promote | 100 |").doesNotContain("| 10000 |");
    String objects = compare.get(1).split("\t")[1];
    assertThat(written.substring(written.indexOf("<!-- bench:compare -->"), written.indexOf("<!-- /bench:compare -->")))
        .contains("\n| " + objects + " |").doesNotContain("| 9,811 |");
  }

  /** One of the bench scripts, with {@code args}. */
  private void run(Map<String, String> env, String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(ROOT.resolve("operator/src/test/bench/" + script).toString()));
    cmd.addAll(List.of(args));
    run(env, script, cmd);
  }

  /** Runs {@code cmd} from the project root; its output goes to {@code name}.log, shown if it fails. */
  private void run(Map<String, String> env, String name, List<String> cmd) throws IOException, InterruptedException {
    Path log = out.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(name + " finished").isTrue();
    assertThat(p.exitValue()).as(name + ": " + Files.readString(log)).isZero();
  }
}
