package dev.envprofile.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.report.Report;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit -o html}: self-contained, escaped, areas, findings by workload and by check, several namespaces. */
class HtmlReportTest {
  private static final String SHOP_PROFILE = Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString();
  private static final String SHOP = Samples.ROOT.resolve("shop/manifests").toString();

  static Path hostile() {
    try {
      return Path.of(HtmlReportTest.class.getResource("/html/hostile.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String html(String... args) {
    List<String> all = new ArrayList<>(List.of("audit", "-o", "html"));
    all.addAll(List.of(args));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out();
  }

  @Test
  void markupInNamesAndValuesIsShownAsTextNeverAsMarkup() {
    String page = html("--profile", SHOP_PROFILE, "-f", hostile().toString());
    // Our one script and no other element the input wrote.
    assertThat(count(page, "<script")).isEqualTo(1);
    assertThat(page).doesNotContain("<img", "<svg onload", "<b id", "<i>", "pwned1'</script>")
        .contains("x&quot;&gt;&lt;script&gt;document.title=&#39;pwned1&#39;&lt;/script&gt;")
        .contains("localhost:5000/&lt;svg onload=document.body.dataset.pwned=4&gt;:latest")
        .contains("PASSWORD&lt;i&gt;");
    // The credential value is neither printed nor printed escaped.
    assertThat(page).doesNotContain("hunter2", "pwned5");
  }

  @Test
  void acceptedFindingsAreShownApartWithTheirReasonAndOutOfTheFindings() {
    String page = html("--profile", Samples.ROOT.resolve("shop/profiles/production-accepted.yaml").toString(), "-f", SHOP);
    assertThat(page).contains("<h3 class=\"accepted\">Accepted (");
    Matcher rows = Pattern.compile("<tr class=\"accepted-finding\">.*?</tr>").matcher(page);
    List<String> accepted = new ArrayList<>();
    while (rows.find()) {
      accepted.add(rows.group());
    }
    assertThat(accepted).isNotEmpty().allSatisfy(r -> assertThat(r).contains("profile, until 2099-12-31: "));
    assertThat(accepted).anyMatch(r -> r.contains("security.host-ids") && r.contains("Deployment/postgres"));
    // not also a finding row
    assertThat(page).doesNotContainPattern("<tr class=\"finding\" data-severity=\"warning\" data-check=\"security.host-ids\""
        + "[^>]*data-search=\"deployment/shop/postgres ");
  }

  @Test
  void escapingCoversTheFiveMarkupCharactersAndControlCharacters() {
    assertThat(HtmlReport.esc("<a href='x' title=\"y\">&</a>\u0000\u001b\n"))
        .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;\ufffd\ufffd\n");
    assertThat(HtmlReport.esc(null)).isEmpty();
  }

  @Test
  void thePageLoadsNothingAndItsPolicyAllowsOnlyItsOwnScriptAndStyle() {
    String page = html("--profile", SHOP_PROFILE, "-f", SHOP);
    assertThat(page).doesNotContain("http://", "https://", "src=\"", "<link", "@import", "url(", "style=\"");
    assertThat(page).contains("default-src 'none'; style-src '" + HtmlReport.sha256(HtmlReport.Assets.STYLE)
        + "'; script-src '" + HtmlReport.sha256(HtmlReport.Assets.SCRIPT) + "'");
    assertThat(page).contains("<style>" + HtmlReport.Assets.STYLE + "</style>", "<script>" + HtmlReport.Assets.SCRIPT
        + "</script>");
  }

  @Test
  void everyAreaIsDrawnWithTheReportsParityAndEveryFindingIsListedTwice() {
    String page = html("--profile", SHOP_PROFILE, "-f", SHOP);
    assertThat(attributes(page, "data-area")).startsWith("storage", "secrets", "network", "TLS", "workloads");
    // The sample's numbers (53% overall; golden production-secret.audit.json): one donut per section.
    assertThat(page).contains("data-parity=\"53\"", "parity <b>53%</b>", "below target");
    Report report = shopReport();
    assertThat(report.parity()).isEqualTo(53);
    List<String> rows = attributes(page, "data-severity");
    // Each finding once grouped by workload and once by check.
    assertThat(rows).hasSize(2 * report.findings().size());
    assertThat(rows.stream().filter("critical"::equals).count())
        .isEqualTo(2 * report.findings().stream().filter(r -> r.check().severity().wireName().equals("critical")).count());
    // Each area's bar is the area's parity (storage: storage.ephemeral-data alone).
    for (var score : dev.envprofile.engine.report.Areas.scores(report)) {
      assertThat(page).contains("data-area=\"" + score.area() + "\" data-parity=\""
          + (score.parity() == null ? "" : score.parity()) + "\" data-failed=\"" + score.failed() + "\"");
    }
    assertThat(page).contains("<details open class=\"group\" data-object=\"Deployment/shop/api\"")
        .contains("<details open class=\"group\" data-check=\"storage.ephemeral-data\"")
        .contains("samples/shop/manifests/api.yaml:20");
    // Every row carries what the text filter searches: object path, check, file:line, message.
    assertThat(attributes(page, "data-search")).hasSize(rows.size())
        .anyMatch(s -> s.startsWith("deployment/shop/redis security.unauthenticated-service ")
            && s.endsWith("samples/shop/manifests/redis.yaml:2 runs redis, which accepts clients without a password: "
                + "no requirepass and no password variable"));
    // The catalog's fix text, escaped.
    assertThat(page).contains(HtmlReport.esc(dev.envprofile.engine.checks.Catalog.infos().stream()
        .filter(i -> i.id().equals("storage.ephemeral-data")).findFirst().orElseThrow().enforce()));
  }

  @Test
  void severalNamespacesHaveATotalAndASectionEach(@TempDir Path dir) throws java.io.IOException {
    // As CliNamespacesTest: shop (--profile), catalog (its profile among its manifests), orders (none).
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.copy(Samples.ROOT.resolve("catalog/golden/production-externalsecret.promoted.yaml"), catalog.resolve("app.yaml"));
    Files.copy(Samples.ROOT.resolve("catalog/profiles/production-externalsecret.yaml"), catalog.resolve("profile.yaml"));
    String page = html("--profile", SHOP_PROFILE, "-f", SHOP, "-f", catalog.toString(),
        "-f", Samples.ROOT.resolve("orders/manifests").toString());
    assertThat(page).contains("<section class=\"total\" id=\"total\">", "3 namespaces, 2 audited, 1 not audited");
    assertThat(attributes(page, "data-namespace")).containsExactly("catalog", "orders", "shop");
    assertThat(page).contains("<p class=\"not-audited\">not audited: ", "parity <b>83%</b>", "parity <b>53%</b>");
    // The total's donut, and a donut and the area bars per audited namespace.
    assertThat(count(page, "class=\"donut\"")).isEqualTo(3);
    assertThat(count(page, "class=\"areas\"")).isEqualTo(2);
  }

  /** The engine's report of the shop sample, as the CLI computes it, to compare the page with. */
  private static Report shopReport() {
    try {
      List<HasMetadata> objects = new ArrayList<>();
      try (var files = Files.list(Path.of(SHOP))) {
        for (Path f : files.sorted().toList()) {
          objects.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
        }
      }
      EnvironmentProfile p = ManifestReader.serialization().unmarshal(Files.readString(Path.of(SHOP_PROFILE)),
          EnvironmentProfile.class);
      return Engine.audit(objects, Engine.settings("shop", p.getSpec())).report();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> attributes(String page, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
