package dev.envprofile.bench;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.Settings;
import dev.envprofile.testing.NamespaceGenerator;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Engine throughput on generated namespaces (`make bench`). Objects per second = objects / (time
 * per operation); the harness prints both. Parsing is not included: see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {
  /**
   * Size of the namespace in objects, as GenerateNamespaces makes it for the CLI comparison (the
   * same seed and workload count, so the numbers line up): the exact count is printed at set-up.
   */
  @Param({"100", "1000", "10000"})
  public int size;

  private List<HasMetadata> objects;
  private Settings production;

  @Setup(Level.Trial)
  public void setUp() {
    objects = NamespaceGenerator.generate(42, GenerateNamespaces.workloads(size), TestManifests.NS);
    production = TestManifests.settings("tier: production");
    System.out.printf("%n# size %d: %d objects%n", size, objects.size());
  }

  @Benchmark
  public Result audit() {
    return Engine.audit(objects, production);
  }

  @Benchmark
  public Result promote() {
    return Engine.promote(objects, production);
  }
}
