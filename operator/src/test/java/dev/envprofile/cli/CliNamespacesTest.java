package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: audit and promote over input spanning namespaces. Three sample namespaces: shop (raw
 * manifests, production profile given with --profile: 53%, fails --fail-under 80), catalog (its
 * promoted manifests with its EnvironmentProfile among them: 83%, passes) and orders (no profile).
 * Each namespace's section must be exactly what a run on that namespace alone reports.
 */
class CliNamespacesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private String shopProfile;
  private String shop;
  private String orders;
  private Path catalog;

  @BeforeEach
  void inputs() throws IOException {
    shopProfile = rel(Samples.ROOT.resolve("shop/profiles/production-secret.yaml"));
    shop = rel(Samples.ROOT.resolve("shop/manifests"));
    orders = rel(Samples.ROOT.resolve("orders/manifests"));
    catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.copy(Samples.ROOT.resolve("catalog/golden/production-externalsecret.promoted.yaml"), catalog.resolve("app.yaml"));
    Files.copy(Samples.ROOT.resolve("catalog/profiles/production-externalsecret.yaml"), catalog.resolve("profile.yaml"));
  }

  private Cli.Run audit(String format, String... more) {
    List<String> args = new ArrayList<>(List.of("audit", "--profile", shopProfile, "-f", shop, "-f", catalog.toString(),
        "-f", orders, "-o", format));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void jsonHasASectionPerNamespaceEachAsItsSingleRunAndATotal() throws IOException {
    Cli.Run run = audit("json");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("envprofile: note: 1 of 3 namespaces not audited (the report says why): orders\n");
    JsonNode report = JSON.readTree(run.out());
    List<String> names = new ArrayList<>();
    report.get("namespaces").forEach(n -> names.add(n.get("namespace").asText()));
    assertThat(names).containsExactly("catalog", "orders", "shop");

    JsonNode catalogSection = report.get("namespaces").get(0);
    JsonNode catalogAlone = single("audit", "--profile", catalog.resolve("profile.yaml").toString(),
        "-f", catalog.resolve("app.yaml").toString(), "-o", "json");
    assertThat(catalogSection.get("profile").asText()).isEqualTo(catalog.resolve("profile.yaml") + ":1");
    assertSameReport(catalogSection, catalogAlone);
    assertThat(catalogSection.get("parity").asInt()).isEqualTo(83);

    JsonNode shopSection = report.get("namespaces").get(2);
    assertThat(shopSection.get("profile").asText()).isEqualTo(shopProfile);
    assertSameReport(shopSection, single("audit", "--profile", shopProfile, "-f", shop, "-o", "json"));
    assertThat(shopSection.get("parity").asInt()).isEqualTo(53);

    JsonNode ordersSection = report.get("namespaces").get(1);
    assertThat(ordersSection.get("audited").asBoolean()).isFalse();
    assertThat(ordersSection.get("profile").isNull()).isTrue();
    assertThat(ordersSection.get("reason").asText()).startsWith("no profile: ");
    assertThat(ordersSection.has("checks")).isFalse();

    int passed = catalogAlone.get("passed").asInt() + shopSection.get("passed").asInt();
    int failed = catalogAlone.get("failed").asInt() + shopSection.get("failed").asInt();
    assertThat(report.get("passed").asInt()).isEqualTo(passed);
    assertThat(report.get("failed").asInt()).isEqualTo(failed);
    // weighted like each namespace's parity (low-weight checks count a quarter), so between the two
    assertThat(report.get("parity").asInt()).isBetween(53, 83).isEqualTo(68);
    assertThat(report.get("lowestParity").asInt()).isEqualTo(53);
    assertThat(report.get("audited").asInt()).isEqualTo(2);
    assertThat(report.get("notAudited").asInt()).isEqualTo(1);
    assertThat(report.has("checks")).as("checks are per namespace").isFalse();
  }

  @Test
  void theGateIsTheWorstNamespaceAndANamespaceNotAuditedFailsIt() {
    Cli.Run run = audit("json", "--fail-under", "80");
    assertThat(run.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(run.err()).isEqualTo(
        "envprofile: parity is under --fail-under 80 in 2 of 3 namespaces: orders (not audited), shop 53%\n");
    assertThat(run.out()).contains("\"namespaces\"");

    // catalog alone with shop: shop (53%) fails 80 and passes 50; catalog (83%) passes both
    Cli.Run two = Cli.run("audit", "--profile", shopProfile, "-f", shop, "-f", catalog.toString(), "--fail-under", "80");
    assertThat(two.exit()).isEqualTo(Main.BELOW_TARGET);
    assertThat(two.err()).isEqualTo("envprofile: parity is under --fail-under 80 in 1 of 2 namespaces: shop 53%\n");
    Cli.Run pass = Cli.run("audit", "--profile", shopProfile, "-f", shop, "-f", catalog.toString(), "--fail-under", "53");
    assertThat(pass.exit()).as(pass.err()).isZero();
    assertThat(pass.err()).isEmpty();
    // the total (68%) is over 56, but shop is not: the gate is per namespace
    Cli.Run worst = Cli.run("audit", "--profile", shopProfile, "-f", shop, "-f", catalog.toString(), "--fail-under", "56");
    assertThat(worst.exit()).isEqualTo(Main.BELOW_TARGET);
    // a namespace not audited fails any gate, even 0
    assertThat(audit("json", "--fail-under", "0").exit()).isEqualTo(Main.BELOW_TARGET);
  }

  @Test
  void sarifResultsCarryTheirNamespaceAndANamespaceNotAuditedIsANotification() throws IOException {
    Cli.Run run = audit("sarif");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode sarif = JSON.readTree(run.out());
    JsonNode json = JSON.readTree(audit("json").out());
    JsonNode results = sarif.at("/runs/0/results");
    int[] perNamespace = new int[3];
    for (JsonNode r : results) {
      String ns = r.at("/locations/0/logicalLocations/0/name").asText();
      assertThat(r.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("namespace");
      assertThat(r.at("/properties/namespace").asText()).isEqualTo(ns);
      assertThat(r.at("/properties/object").asText()).contains("/" + ns + "/");
      String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertThat(uri).startsWith(ns.equals("shop") ? shop : catalog.toString());
      perNamespace[ns.equals("catalog") ? 0 : ns.equals("shop") ? 2 : 1]++;
    }
    for (int i : new int[] {0, 2}) {
      long failing = 0;
      for (JsonNode c : json.get("namespaces").get(i).get("checks")) {
        failing += c.get("passed").asBoolean() ? 0 : 1;
      }
      assertThat(perNamespace[i]).isEqualTo(failing).isPositive();
    }
    assertThat(perNamespace[1]).isZero();
    JsonNode notes = sarif.at("/runs/0/invocations/0/toolExecutionNotifications");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).at("/message/text").asText()).startsWith("namespace orders not audited: no profile");
    assertThat(notes.get(0).at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("orders");
  }

  @Test
  void junitHasATestSuitePerNamespace() throws IOException {
    Cli.Run run = audit("junit");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(audit("json").out());
    Matcher m = Pattern.compile("<testsuite name=\"([^\"]+)\" tests=\"(\\d+)\" failures=\"(\\d+)\"").matcher(run.out());
    List<String> suites = new ArrayList<>();
    while (m.find()) {
      suites.add(m.group(1));
      JsonNode section = json.get("namespaces").get(suites.size() - 1);
      if (section.get("audited").asBoolean()) {
        long failing = 0;
        for (JsonNode c : section.get("checks")) {
          failing += c.get("passed").asBoolean() ? 0 : 1;
        }
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(section.get("checks").size());
        assertThat(Long.parseLong(m.group(3))).isEqualTo(failing);
      }
    }
    assertThat(suites).containsExactly("catalog", "orders", "shop");
    assertThat(run.out()).contains("<testcase classname=\"namespace\" name=\"orders\">\n      <skipped message=\"not audited: no profile");
  }

  @Test
  void tableHasASectionPerNamespaceThenTheTotal() {
    Cli.Run run = audit("table");
    assertThat(run.exit()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out).startsWith("== namespace catalog  (profile " + catalog.resolve("profile.yaml") + ":1)\n"
        + "tier production  parity 83%");
    assertThat(out.indexOf("== namespace catalog")).isLessThan(out.indexOf("== namespace orders"));
    assertThat(out.indexOf("== namespace orders")).isLessThan(out.indexOf("== namespace shop"));
    assertThat(out).contains("== namespace orders\nnot audited: no profile: ");
    String shopAlone = Cli.run("audit", "--profile", shopProfile, "-f", shop, "-o", "table").out();
    assertThat(out).contains("== namespace shop  (profile " + shopProfile + ")\n" + shopAlone);
    assertThat(out).endsWith("== total  3 namespaces, 2 audited, 1 not audited  parity 68%  lowest 53% (shop)"
        + "  checks passed 183, failed 109\n");
  }

  @Test
  void outputIsTheSameTwiceAndWhateverTheOrderOfTheInput() {
    for (String format : new String[] {"json", "table", "sarif", "junit"}) {
      Cli.Run first = audit(format);
      assertThat(audit(format).out()).as(format).isEqualTo(first.out());
      Cli.Run reordered = Cli.run("audit", "-f", orders, "-f", catalog.toString(), "--profile", shopProfile, "-f", shop,
          "-o", format);
      assertThat(reordered.out()).as(format).isEqualTo(first.out());
    }
    String promoted = promote().out();
    assertThat(promote().out()).isEqualTo(promoted);
    assertThat(Cli.run("promote", "-f", orders, "-f", catalog.toString(), "--profile", shopProfile, "-f", shop).out())
        .isEqualTo(promoted);
  }

  private Cli.Run promote(String... more) {
    List<String> args = new ArrayList<>(List.of("promote", "--profile", shopProfile, "-f", shop, "-f",
        catalog.toString(), "-f", orders));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void promoteWritesEveryNamespaceIntoOneStreamByNamespaceEachAsItsSingleRun() throws IOException {
    Cli.Run run = promote("--report", dir.resolve("report.json").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String catalogAlone = Cli.run("promote", "--profile", catalog.resolve("profile.yaml").toString(),
        "-f", catalog.toString()).out();
    String ordersAsIs = Cli.run("promote", "--profile", Samples.ROOT.resolve("orders/profiles/local.yaml").toString(),
        "-f", orders).out();
    String shopAlone = Cli.run("promote", "--profile", shopProfile, "-f", shop).out();
    assertThat(run.out()).isEqualTo(catalogAlone + ordersAsIs + shopAlone);
    assertThat(run.err()).contains("envprofile: note: credential values moved into Secret/shop/")
        .contains("envprofile: note: 1 of 3 namespaces not promoted (passed through unchanged; --report says why): orders\n");
    JsonNode report = JSON.readTree(Files.readString(dir.resolve("report.json")));
    assertThat(report.at("/namespaces/0/namespace").asText()).isEqualTo("catalog");
    assertThat(report.at("/namespaces/1/audited").asBoolean()).isFalse();
    assertThat(report.at("/namespaces/2/parity").asInt()).isEqualTo(85);
  }

  @Test
  void oneProfileWithoutANamespaceAuditsEveryNamespaceAndClusterObjectsPassThroughOnce() throws IOException {
    Path all = write("all.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: all}\nspec: {tier: production}\n");
    Path namespaces = write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n"
        + "apiVersion: v1\nkind: Namespace\nmetadata: {name: orders}\n");
    Cli.Run run = Cli.run("audit", "--profile", all.toString(), "-f", namespaces.toString(), "-f", shop, "-f", orders);
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("namespaces")).hasSize(2);
    assertSameReport(report.at("/namespaces/0"), single("audit", "--profile", all.toString(), "-f", orders));
    assertSameReport(report.at("/namespaces/1"), single("audit", "--profile", all.toString(), "-f", shop));

    Cli.Run promoted = Cli.run("promote", "--profile", all.toString(), "-f", shop, "-f", namespaces.toString(), "-f", orders);
    assertThat(promoted.exit()).as(promoted.err()).isZero();
    assertThat(promoted.out()).startsWith("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
        + "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: orders\n---\n");
    assertThat(promoted.out().split("kind: Namespace\n", -1)).hasSize(3);
  }

  @Test
  void aProfileNamingTheNamespaceBeatsTheInputsWhichBeatsTheProfileForAll() throws IOException {
    Path all = write("all.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: all}\nspec: {tier: local}\n");
    Path named = write("named.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: c, namespace: catalog}\nspec: {tier: staging}\n");
    JsonNode both = single("audit", "--profile", all.toString(), "--profile", named.toString(),
        "-f", catalog.toString(), "-f", shop);
    assertThat(both.at("/namespaces/0/profile").asText()).isEqualTo(named.toString());
    assertThat(both.at("/namespaces/0/tier").asText()).isEqualTo("staging");
    assertThat(both.at("/namespaces/1/profile").asText()).isEqualTo(all.toString());
    assertThat(both.at("/namespaces/1/tier").asText()).isEqualTo("local");

    JsonNode inputWins = single("audit", "--profile", all.toString(), "-f", catalog.toString(), "-f", shop);
    assertThat(inputWins.at("/namespaces/0/profile").asText()).isEqualTo(catalog.resolve("profile.yaml") + ":1");
    assertThat(inputWins.at("/namespaces/0/tier").asText()).isEqualTo("production");
    assertThat(inputWins.at("/namespaces/1/tier").asText()).isEqualTo("local");

    // profiles found in the input are enough: no --profile at all
    Cli.Run found = Cli.run("audit", "-f", catalog.toString(), "-f", shop);
    assertThat(found.exit()).as(found.err()).isZero();
    assertThat(JSON.readTree(found.out()).at("/namespaces/1/reason").asText()).startsWith("no profile");
  }

  @Test
  void profilesThatCannotAllApplyAreBadInput() throws IOException {
    Path all = write("all.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: all}\nspec: {tier: production}\n");
    Path all2 = write("all2.yaml", Files.readString(all));
    assertBadInput(Cli.run("audit", "--profile", all.toString(), "--profile", all2.toString(), "-f", shop),
        "envprofile: " + all2 + ": a second profile without metadata.namespace (" + all + " is the first):"
            + " only one profile may apply to every namespace");
    Path twice = write("twice.yaml", Files.readString(Path.of(shopProfile)));
    assertBadInput(Cli.run("audit", "--profile", shopProfile, "--profile", twice.toString(), "-f", shop),
        "envprofile: " + twice + ": names namespace shop, as " + shopProfile + " does: one profile per namespace");
    Path homeless = write("homeless.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: p}\nspec: {tier: production}\n");
    assertBadInput(Cli.run("audit", "-f", homeless.toString(), "-f", shop), "envprofile: " + homeless
        + ":1: EnvironmentProfile/p names no namespace: set metadata.namespace (a profile among the manifests applies to its own)");
    Path invalid = write("invalid.yaml", "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\n"
        + "metadata: {name: p, namespace: shop}\nspec: {tier: production, secret: {}}\n");
    assertBadInput(Cli.run("audit", "-f", invalid.toString(), "-f", shop), "envprofile: " + invalid
        + ":1: EnvironmentProfile/p: spec.secret: unknown field 'secret' (did you mean 'secrets'?)");
    assertBadInput(Cli.run("audit", "-f", shop, "-f", orders), "envprofile: no profile: give --profile FILE,"
        + " or include EnvironmentProfile objects in the -f input");
    Path web = write("web.yaml", Files.readString(all).replace("{name: all}", "{name: w, namespace: web}"));
    assertBadInput(Cli.run("audit", "--profile", twice.toString(), "--profile", web.toString(),
        "-f", catalog.resolve("app.yaml").toString(), "-f", orders), "envprofile: no namespace of the input can be"
            + " audited: catalog (no profile), orders (no profile), shop (no workload), web (no workload);"
            + " check the profiles and the -f paths");
  }

  @Test
  void aProfileNamingItsNamespaceAuditsThatOneAndSaysTheOthersAreNot() throws IOException {
    Cli.Run run = Cli.run("audit", "--profile", shopProfile, "-f", shop, "-f", orders, "-f", catalog.resolve("app.yaml")
        .toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Cli.run("audit", "--profile", shopProfile, "-f", shop).out());
    assertThat(run.err()).isEqualTo("envprofile: note: the profile names namespace shop; the objects of catalog, orders"
        + " are not audited (give each namespace a profile with --profile, or a profile without metadata.namespace"
        + " to audit them all)\n");
  }

  @Test
  void oneNamespaceWithItsProfileAmongTheManifestsIsTheSingleRun() throws IOException {
    // the catalog directory holds its manifests and its EnvironmentProfile: no --profile needed
    JsonNode alone = single("audit", "--profile", catalog.resolve("profile.yaml").toString(), "-f",
        catalog.resolve("app.yaml").toString());
    JsonNode found = single("audit", "-f", catalog.toString());
    assertThat(found).isEqualTo(alone);
    assertThat(found.has("namespaces")).isFalse();
    // the --profile file inside the -f directory is that profile, not a second one (even naming no namespace)
    Path dirWithProfile = Files.createDirectories(dir.resolve("shop"));
    Path anyNs = write("shop/profile.yaml", Files.readString(Path.of(shopProfile)).replace("  namespace: shop\n", ""));
    assertThat(Files.readString(anyNs)).doesNotContain("namespace:");
    for (Path f : Files.list(Path.of(shop)).toList()) {
      Files.copy(f, dirWithProfile.resolve(f.getFileName()));
    }
    Cli.Run inside = Cli.run("audit", "--profile", anyNs.toString(), "-f", dirWithProfile.toString());
    assertThat(inside.exit()).as(inside.err()).isZero();
    assertThat(inside.out()).isEqualTo(Cli.run("audit", "--profile", shopProfile, "-f", shop).out());
    // a --profile naming the namespace beats the input's profile there, in the single run's shape
    Path staging = write("staging.yaml", Files.readString(catalog.resolve("profile.yaml")).replace("tier: production",
        "tier: staging"));
    JsonNode named = single("audit", "--profile", staging.toString(), "-f", catalog.toString());
    assertThat(named.has("namespaces")).isFalse();
    assertThat(named.get("tier").asText()).isEqualTo("staging");
    // and a profile in the input that selects nothing is refused as the single run refuses it
    Path empty = write("empty/profile.yaml", Files.readString(catalog.resolve("profile.yaml")));
    assertBadInput(Cli.run("audit", "-f", empty.toString()), "envprofile: " + empty + ":1: the input has no workload"
        + " (Deployment, StatefulSet, DaemonSet, Job, CronJob): nothing to promote or audit; check the -f paths");
  }

  /**
   * Sections are rendered a window at a time on every core: over more namespaces than a window holds,
   * the text is still exactly Jackson's default layout of the whole report, sections in name order,
   * and a namespace with its own profile in the input keeps that profile's assumptions.
   */
  @Test
  void manyNamespacesGiveTheLayoutOfOneSequentialWrite() throws IOException {
    String app = Files.readString(Samples.ROOT.resolve("orders/manifests/orders-api.yaml"));
    StringBuilder input = new StringBuilder();
    for (int i = 149; i >= 0; i--) { // written out of order: the report sorts
      input.append("---\n").append(app.replaceAll("(?m)^(\\s+)namespace: orders$", "$1namespace: ns-" + String.format("%03d", i)));
    }
    input.append("---\napiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: own, namespace: ns-007}\n"
        + "spec: {tier: production, network: {egressCIDRs: [10.0.0.0/8]}}\n");
    Path file = write("many.yaml", input.toString());
    Cli.Run run = Cli.run("audit", "--profile", shopProfileWithoutNamespace(), "-f", file.toString(), "-o", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(run.out()).isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
    List<String> names = new ArrayList<>();
    report.get("namespaces").forEach(n -> names.add(n.get("namespace").asText()));
    assertThat(names).hasSize(150).isSorted();
    JsonNode own = report.get("namespaces").get(7);
    assertThat(own.get("namespace").asText()).isEqualTo("ns-007");
    assertThat(own.get("assumptions").toString()).doesNotContain("spec.network.egressCIDRs");
    assertThat(report.get("namespaces").get(8).get("assumptions").toString()).contains("spec.network.egressCIDRs");
  }

  private String shopProfileWithoutNamespace() throws IOException {
    String text = Files.readString(Path.of(shopProfile)).replaceAll("(?m)^\\s+namespace: .*$\\n", "");
    return write("any-namespace.yaml", text).toString();
  }

  @Test
  void aSingleNamespaceRunKeepsItsShape() throws IOException {
    JsonNode alone = single("audit", "--profile", shopProfile, "-f", shop);
    assertThat(alone.has("namespaces")).isFalse();
    assertThat(alone.has("checks")).isTrue();
    assertThat(alone.get("tier").asText()).isEqualTo("production");
  }

  private static JsonNode single(String... args) throws IOException {
    Cli.Run run = Cli.run(args);
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  /** A namespace's section has the fields of the single report, equal to the run on that namespace alone. */
  private static void assertSameReport(JsonNode section, JsonNode alone) {
    for (String field : new String[] {"tier", "parity", "parityTarget", "passed", "failed", "assumptions", "checks"}) {
      assertThat(section.get(field)).as(field).isEqualTo(alone.get(field));
    }
  }

  private static void assertBadInput(Cli.Run run, String line) {
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).isEqualTo(line + "\n");
    assertThat(run.out()).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String rel(Path p) {
    return Path.of("").toAbsolutePath().relativize(p).toString();
  }
}
