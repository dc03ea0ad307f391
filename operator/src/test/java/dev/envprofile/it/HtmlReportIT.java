package dev.envprofile.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code audit -o html} in a real browser: headless Chromium (Debian's package, which .ci/run
 * installs) loads the page from a file, with no network, and the test reads the DOM it dumps after
 * the page's own script ran: the areas, the finding rows, the filters applied from the URL's hash,
 * and that a manifest's markup stays text. Screenshots go to the failsafe reports. Needs no control
 * plane (not a ClusterTest). Fails, never skips, when Chromium is missing.
 */
class HtmlReportIT {
  private static final Path ROOT = Path.of(System.getProperty("envprofile.root", "..")).toAbsolutePath().normalize();
  private static final Path TARGET = ROOT.resolve("operator/target");
  private static final Path REPORTS = TARGET.resolve("failsafe-reports");
  private static final Path WORK = TARGET.resolve("html-report-it");
  private static final Pattern ROW = Pattern.compile("<tr class=\"finding\"[^>]*>");
  private static final Pattern AREA = Pattern.compile("<g class=\"area\" data-area=\"([^\"]*)\" data-parity=\"([0-9]*)\"");

  private static String chromium;
  private static Path shop;
  private static Path hostile;

  @BeforeAll
  static void pages() throws IOException {
    chromium = chromium();
    Files.createDirectories(WORK);
    Files.createDirectories(REPORTS);
    shop = page("shop.html", "audit", "-o", "html", "--profile",
        Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString(), "-f",
        Samples.ROOT.resolve("shop/manifests").toString());
    hostile = page("hostile.html", "audit", "-o", "html", "--profile",
        Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString(), "-f",
        ROOT.resolve("operator/src/test/resources/html/hostile.yaml").toString());
  }

  @Test
  void theBrowserDrawsEveryAreaAndListsEveryFinding() throws Exception {
    String dom = dom(shop, "");
    List<String> areas = new ArrayList<>();
    Matcher m = AREA.matcher(dom);
    while (m.find()) {
      areas.add(m.group(1) + "=" + m.group(2));
    }
    assertThat(areas).extracting(a -> a.substring(0, a.indexOf('=')))
        .startsWith("storage", "secrets", "network", "TLS", "workloads");
    assertThat(dom).contains("<svg class=\"donut\"", "data-parity=\"53\"", "below target");
    // The script ran: it counted the rows of the visible grouping (by workload) and hid the other.
    List<String> rows = rows(dom);
    int findings = rows.size() / 2;
    assertThat(findings).isGreaterThan(50);
    assertThat(rows.stream().filter(r -> !r.contains("hidden")).count()).isEqualTo(rows.size());
    assertThat(dom).contains("<output id=\"f-count\">" + findings + " of " + findings + " findings</output>")
        .contains("<div class=\"by-check\" hidden=\"\">").contains("<div class=\"by-workload\">");
    assertThat(dom).contains("samples/shop/manifests/api.yaml:20");
    screenshot(shop, "", "html-report-shop.png");
  }

  @Test
  void filteringBySeverityHidesEveryOtherRowAndTheGroupsLeftEmpty() throws Exception {
    String dom = dom(shop, "#severity=critical&group=check");
    List<String> rows = rows(dom);
    List<String> shown = rows.stream().filter(r -> !r.contains(" hidden")).toList();
    assertThat(shown).isNotEmpty().allMatch(r -> r.contains("data-severity=\"critical\""));
    assertThat(rows.stream().filter(r -> r.contains(" hidden")))
        .isNotEmpty().allMatch(r -> !r.contains("data-severity=\"critical\""));
    // Shown rows of the visible grouping (by check) only: half of the critical rows.
    assertThat(dom).contains("<output id=\"f-count\">" + shown.size() / 2 + " of " + rows.size() / 2 + " findings</output>")
        .contains("<div class=\"by-workload\" hidden=\"\">").contains("<div class=\"by-check\">");
    // A check's group with no critical finding is hidden whole; a critical check's is not.
    assertThat(dom).containsPattern("<details open=\"\" class=\"group\" data-check=\"workload\\.replicas\" hidden=\"\">")
        .containsPattern("<details open=\"\" class=\"group\" data-check=\"storage\\.ephemeral-data\">");
    screenshot(shop, "#severity=critical&group=check", "html-report-shop-critical.png");

    String search = dom(shop, "#q=minio&check=security.secrets-in-configmap");
    List<String> found = rows(search).stream().filter(r -> !r.contains(" hidden")).toList();
    assertThat(found).hasSize(2).allMatch(r -> r.contains("data-check=\"security.secrets-in-configmap\""));

    // The text filter finds a workload's rows in both groupings, though a row by workload does not show its name.
    long redis = rows.stream().filter(r -> r.contains("data-search=\"deployment/shop/redis ")).count();
    assertThat(redis).isPositive();
    List<String> byName = rows(dom(shop, "#q=deployment/shop/redis")).stream().filter(r -> !r.contains(" hidden")).toList();
    assertThat(byName).hasSize((int) redis).allMatch(r -> r.contains("data-search=\"deployment/shop/redis "));
  }

  @Test
  void aManifestsMarkupStaysTextInTheBrowser() throws Exception {
    String dom = dom(hostile, "");
    assertThat(dom).contains("<title>envprofile audit</title>")
        .doesNotContain("pwned1</title>", "data-pwned", "id=\"pwned3\"", "<img", "<svg onload", "hunter2", "pwned5")
        // the names are there, as text
        .contains("Deployment/x\"&gt;&lt;script&gt;document.title='pwned1'&lt;/script&gt;")
        .contains("&lt;b id=pwned3&gt;c&lt;/b&gt;");
    // Exactly our one script element.
    assertThat(dom.split("<script", -1)).hasSize(2);
    screenshot(hostile, "", "html-report-hostile.png");
  }

  private static List<String> rows(String dom) {
    List<String> out = new ArrayList<>();
    Matcher m = ROW.matcher(dom);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Path page(String name, String... args) throws IOException {
    Cli.Run run = Cli.run(args);
    assertThat(run.exit()).as(run.err()).isZero();
    Path file = WORK.resolve(name);
    Files.writeString(file, run.out());
    return file;
  }

  /** The DOM after load, as Chromium serialises it. */
  private static String dom(Path page, String hash) throws Exception {
    return chromium(page, hash, "--dump-dom");
  }

  private static void screenshot(Path page, String hash, String name) throws Exception {
    Path png = REPORTS.resolve(name);
    Files.deleteIfExists(png);
    chromium(page, hash, "--screenshot=" + png, "--window-size=1280,1800");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as(png.toString()).isGreaterThan(10_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private static String chromium(Path page, String hash, String... action) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=3000", "--user-data-dir=" + WORK.resolve("profile")));
    cmd.addAll(List.of(action));
    cmd.add(page.toUri() + hash);
    Path out = Files.createTempFile(WORK, "chromium", ".out");
    Path err = Files.createTempFile(WORK, "chromium", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as("chromium: %s", Files.readString(err)).isZero();
    String dom = Files.readString(out);
    Files.delete(out);
    Files.delete(err);
    return dom;
  }

  /** Chromium from CHROMIUM or Debian's /usr/bin/chromium; missing, the test fails and says how to install it. */
  private static String chromium() {
    String configured = System.getenv("CHROMIUM");
    for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError("HtmlReportIT needs headless Chromium: apt-get install -y chromium chromium-driver"
        + " (.ci/run installs it), or set CHROMIUM to its path");
  }
}
