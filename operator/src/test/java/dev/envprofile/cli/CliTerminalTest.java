package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.cli.output.TableReport;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: audit prints a table for people at a terminal and JSON into pipes; colour only on a
 * terminal (NO_COLOR honoured, --color overrides); the table fits the terminal's width.
 */
class CliTerminalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Terminal TTY80 = new Terminal(true, true, 80, false);
  private static final String ESC = "\u001b[";

  private final String profile = Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString();
  private final String manifests = Samples.ROOT.resolve("shop/manifests").toString();

  @Test
  void auditPrintsJsonIntoAPipeAndATableOnATerminal() throws IOException {
    Cli.Run piped = Cli.run("audit", "--profile", profile, "-f", manifests);
    assertThat(piped.exit()).as(piped.err()).isZero();
    JsonNode report = JSON.readTree(piped.out());
    assertThat(report.get("parity").isInt()).isTrue();
    assertThat(piped.out()).doesNotContain(ESC);

    Cli.Run tty = Cli.runOn(TTY80, "audit", "--profile", profile, "-f", manifests);
    assertThat(tty.exit()).as(tty.err()).isZero();
    assertThat(plain(tty.out())).startsWith("tier production  parity " + report.get("parity").asInt() + "%")
        .contains("SEVERITY  CHECK").contains("ENFORCE").doesNotContain(" FIX ");
  }

  @Test
  void anExplicitFormatWinsOverTheTerminal() throws IOException {
    Cli.Run json = Cli.runOn(TTY80, "audit", "--profile", profile, "-f", manifests, "-o", "json");
    assertThat(JSON.readTree(json.out()).get("tier").asText()).isEqualTo("production");
    assertThat(json.out()).doesNotContain(ESC);
    Cli.Run table = Cli.run("audit", "--profile", profile, "-f", manifests, "-o", "table");
    assertThat(table.out()).startsWith("tier production").doesNotContain(ESC);
  }

  @Test
  void colourOnATerminalOnlyAndNeverWithNoColor() {
    assertThat(Cli.runOn(TTY80, "audit", "--profile", profile, "-f", manifests).out()).contains(ESC + "1;31mcritical");
    Terminal noColor = Terminal.of(Map.of("NO_COLOR", "1"), true, true);
    assertThat(Cli.runOn(noColor, "audit", "--profile", profile, "-f", manifests).out()).doesNotContain(ESC);
    assertThat(Cli.runOn(TTY80, "audit", "--profile", profile, "-f", manifests, "--color=never").out()).doesNotContain(ESC);
    assertThat(Cli.run("audit", "--profile", profile, "-f", manifests, "-o", "table", "--color=always").out()).contains(ESC);
    assertThat(Cli.run("audit", "--profile", profile, "-f", manifests, "-o", "table", "--color").out()).contains(ESC);
    // An empty NO_COLOR does not count (no-color.org: "present and not an empty string").
    assertThat(Terminal.of(Map.of("NO_COLOR", ""), true, true).colour("auto")).isTrue();
    assertThat(Terminal.of(Map.of("TERM", "dumb"), true, true).colour("auto")).isFalse();
  }

  @Test
  void theTableFitsTheTerminalAndNamesFileAndLine() {
    for (int width : new int[] {60, 80, 132}) {
      Terminal t = new Terminal(true, true, width, true);
      String out = Cli.runOn(t, "audit", "--profile", profile, "-f", manifests).out();
      assertThat(out.lines()).as("width %d:%n%s", width, out).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
      assertThat(out).contains("api.yaml:20");
    }
    // Wide enough, the whole path shows; into a file, messages stay one line for grep.
    String wide = Cli.runOn(new Terminal(true, true, 200, true), "audit", "--profile", profile, "-f", manifests).out();
    assertThat(wide).contains(Path.of(manifests, "api.yaml") + ":20");
    String file = Cli.run("audit", "--profile", profile, "-f", manifests, "-o", "table").out();
    assertThat(file).containsPattern("\n    \\S+/api.yaml:3: holds credentials: DATABASE_URL \\(URL with a password\\), JWT_SECRET, S3_ACCESS_KEY, S3_SECRET_KEY\n");
  }

  @Test
  void theWidthComesFromColumnsElseEightyOnATerminalElseUnlimited() {
    assertThat(Terminal.of(Map.of("COLUMNS", "132"), true, true).columns()).isEqualTo(132);
    assertThat(Terminal.of(Map.of("COLUMNS", "wide"), true, true).columns()).isEqualTo(80);
    assertThat(Terminal.of(Map.of(), true, true).columns()).isEqualTo(80);
    assertThat(Terminal.of(Map.of(), false, false).columns()).isZero();
  }

  @Test
  void wrappingKeepsWordsAndSplitsOnlyWordsLongerThanTheLine() {
    assertThat(TableReport.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
    assertThat(TableReport.wrap("a " + "x".repeat(25), 10)).containsExactly("a", "x".repeat(10), "x".repeat(10), "x".repeat(5));
    assertThat(TableReport.fit("samples/shop/manifests/api.yaml:20", 16)).isEqualTo("...s/api.yaml:20");
    assertThat(TableReport.fit("samples/shop/manifests/api.yaml:20", 3)).isEqualTo(".../api.yaml:20");
    assertThat(TableReport.fit("api.yaml:20", 3)).isEqualTo("api.yaml:20");
  }

  @Test
  void sarifMessagesDoNotRepeatTheObject() throws IOException {
    JsonNode sarif = JSON.readTree(Cli.run("audit", "--profile", profile, "-f", manifests, "-o", "sarif").out());
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results.size()).isPositive();
    for (JsonNode r : results) {
      String object = r.at("/properties/object").asText();
      String shortName = object.substring(0, object.indexOf('/')) + object.substring(object.lastIndexOf('/'));
      assertThat(r.at("/message/text").asText()).as(object).doesNotStartWith(shortName + " ").doesNotStartWith(shortName + ":");
    }
  }

  /** The real descriptors: a pipe is no terminal, on this JDK (17 or 25); a pseudo-terminal is one. */
  @Test
  void aPipeIsNoTerminalAndAPseudoTerminalIsOne() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> probe = List.of(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName());
    assertThat(run(probe)).isEqualTo("stdout=false stderr=false");
    // script(1) is util-linux's, on every Debian machine: without it the test fails, it never skips.
    assertThat(Path.of("/usr/bin/script")).as("script(1) to make a pseudo-terminal (Debian package bsdutils)")
        .isExecutable();
    String cmd = String.join(" ", probe.stream().map(a -> "'" + a + "'").toList());
    assertThat(run(List.of("/usr/bin/script", "-qec", cmd, "/dev/null"))).isEqualTo("stdout=true stderr=true");
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static String plain(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  /** Run in a child JVM: prints what Terminal sees on its descriptors. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println("stdout=" + Terminal.isTerminal(1) + " stderr=" + Terminal.isTerminal(2));
    }
  }
}
