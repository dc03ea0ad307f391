package dev.envprofile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the engine is organised (docs/architecture.md, "Packages"): a small core, and one package
 * per concern holding its facts, rewrites, checks and helpers. A check reads; it never reaches
 * into a rewrite. The core's facts do not depend on a concern's configuration reading.
 */
class EngineStructureTest {
  private static final Path ROOT = Path.of("src/main/java/dev/envprofile/engine");
  private static final Set<String> CONCERNS = Set.of("credentials", "network", "storage", "workload", "tls", "images",
      "config");

  @Test
  void everyCheckLivesInItsConcernAndImportsNoRewrite() throws IOException {
    List<String> rewrites = new ArrayList<>();
    List<Path> checks = new ArrayList<>();
    for (Path f : javaFiles()) {
      String text = Files.readString(f);
      if (Pattern.compile("implements\\s+Rewrite\\b").matcher(text).find()) {
        rewrites.add(f.getFileName().toString().replace(".java", ""));
      }
      // A check implements Check or extends its base (the abstract base itself is core).
      if (Pattern.compile("(?<!abstract )class\\s+\\w+\\s+(implements\\s+Check|extends\\s+WorkloadCheck)\\b").matcher(text).find()) {
        checks.add(f);
      }
    }
    assertThat(rewrites).hasSizeGreaterThanOrEqualTo(7);
    assertThat(checks).hasSizeGreaterThanOrEqualTo(35);
    List<String> offences = new ArrayList<>();
    for (Path check : checks) {
      String pkg = ROOT.relativize(check.getParent()).toString();
      if (!CONCERNS.contains(pkg)) {
        offences.add(check + ": a check outside a concern package (" + pkg + ")");
      }
      String text = Files.readString(check);
      for (String r : rewrites) {
        if (Pattern.compile("\\b" + r + "\\b").matcher(text).find()) {
          offences.add(check + ": uses the rewrite " + r);
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void theCoreFactsDoNotDependOnAConcernsConfigReading() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("facts"))) {
      for (Path f : files.toList()) {
        Matcher m = Pattern.compile("dev\\.envprofile\\.engine\\.config\\.\\w+").matcher(Files.readString(f));
        while (m.find()) {
          offences.add(f + ": " + m.group());
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
