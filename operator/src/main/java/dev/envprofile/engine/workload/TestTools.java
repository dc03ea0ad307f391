package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.storage.ImageRef;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Load generators and other test tools (locust, k6, JMeter, fault injectors): production does not
 * run them, and more replicas of one are more load, not more capacity. Recognised by image name,
 * by the program a container starts, or by a workload named as a load generator.
 */
public final class TestTools {
  private static final Set<String> NAMES = Set.of("locust", "locustio", "k6", "jmeter", "vegeta", "hey", "wrk", "wrk2",
      "artillery", "gatling", "toxiproxy", "siege", "tsung", "ghz", "loadtest", "load-test", "locust-worker",
      "locust-master");
  /** Words that name a load generator inside a longer name ("microservices-demo/loadgenerator"). */
  private static final List<String> WORDS = List.of("loadgenerator", "load-generator", "loadgen", "load-gen",
      "locust", "jmeter", "gatling", "toxiproxy");

  /** Whole words of a workload's name that say it drives traffic rather than serves it ("vote-bot", "virtual-customer"). */
  private static final Set<String> NAME_WORDS = Set.of("bot", "bots", "simulator", "virtual", "traffic", "stress",
      "soak", "loadtest", "benchmark", "synthetic");

  private TestTools() {}

  /** The test tool the workload runs ("locust"), or null. */
  public static String of(Workload w) {
    String lower = w.name() == null ? "" : w.name().toLowerCase(Locale.ROOT);
    String byName = named(lower);
    if (byName != null) {
      return byName;
    }
    for (String word : lower.split("[-_.]")) {
      if (NAME_WORDS.contains(word)) {
        return "\"" + word + "\" (its name says it generates traffic)";
      }
    }
    for (Container c : w.containers()) {
      String name = c.getImage() == null ? "" : ImageRef.parse(c.getImage()).name();
      String tool = NAMES.contains(name) ? name : named(name);
      if (tool == null && c.getCommand() != null && !c.getCommand().isEmpty() && c.getCommand().get(0) != null) {
        String program = c.getCommand().get(0);
        program = program.substring(program.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        tool = NAMES.contains(program) ? program : null;
      }
      if (tool != null) {
        return tool;
      }
    }
    return null;
  }

  private static String named(String name) {
    for (String word : WORDS) {
      if (name.contains(word)) {
        return word;
      }
    }
    return null;
  }
}
