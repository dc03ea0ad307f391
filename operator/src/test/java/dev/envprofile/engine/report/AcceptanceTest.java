package dev.envprofile.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.InvalidProfileException;
import dev.envprofile.engine.ObjectPattern;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.Acceptance;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.ObjectRef;
import dev.envprofile.engine.model.Severity;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Accepted findings: by annotation, by the profile's globs, expiry, refusal of unknown ids, and parity without them. */
class AcceptanceTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  static String deployment(String name, String annotations, String templateAnnotations) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: shop
          annotations: {%s}
        spec:
          replicas: 3
          selector: {matchLabels: {app: %s}}
          template:
            metadata:
              labels: {app: %s}
              annotations: {%s}
            spec:
              containers: [{name: c, image: "example/%s:1.0"}]
        ---
        """.formatted(name, annotations, name, name, templateAnnotations, name);
  }

  static Settings settings(String spec, LocalDate today) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p, namespace: shop}\nspec:\n"
        + spec.indent(2);
    EnvironmentProfile p = ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class);
    return Engine.settings("shop", p.getSpec(), today);
  }

  private static Report audit(String manifests, String spec) {
    return Engine.audit(TestManifests.parse(manifests), settings(spec, TODAY)).report();
  }

  private static CheckResult result(Report r, String check, String object) {
    return r.results().stream().filter(x -> x.check().id().equals(check) && x.object().shortName().equals(object))
        .findFirst().orElseThrow(() -> new AssertionError(check + " " + object + " not in the report"));
  }

  @Test
  void anAnnotationAcceptsItsChecksOnThatObjectOnly() {
    Report r = audit(deployment("api", "envprofile.dev/accept: \"security.host-ids, workload.priority-class\", "
        + "envprofile.dev/accept-reason: vendor image runs as uid 999", "") + deployment("web", "", ""), "tier: production");
    CheckResult api = result(r, "security.host-ids", "Deployment/api");
    assertThat(api.passed()).isFalse();
    assertThat(api.accepted()).isTrue();
    assertThat(api.acceptance()).isEqualTo(new Acceptance(Acceptance.ANNOTATION, "vendor image runs as uid 999", null, false));
    assertThat(result(r, "workload.priority-class", "Deployment/api").accepted()).isTrue();
    assertThat(result(r, "security.host-ids", "Deployment/web").accepted()).isFalse();
    assertThat(result(r, "workload.resources", "Deployment/api").accepted()).as("not named").isFalse();
    assertThat(r.findings()).noneMatch(CheckResult::accepted);
    assertThat(r.acceptedFindings()).extracting(x -> x.check().id() + " " + x.object().shortName())
        .containsExactlyInAnyOrder("security.host-ids Deployment/api", "workload.priority-class Deployment/api");
    assertThat(r.accepted()).isEqualTo(2);
  }

  @Test
  void thePodTemplateMayCarryTheAnnotation() {
    Report r = audit(deployment("api", "", "envprofile.dev/accept: security.host-ids, envprofile.dev/accept-reason: uid 999"),
        "tier: production");
    assertThat(result(r, "security.host-ids", "Deployment/api").acceptance().reason()).isEqualTo("uid 999");
  }

  @Test
  void anAnnotationWithoutReasonSaysSo() {
    Report r = audit(deployment("api", "envprofile.dev/accept: security.host-ids", ""), "tier: production");
    assertThat(result(r, "security.host-ids", "Deployment/api").acceptance().reason()).isEqualTo("no reason given");
  }

  @Test
  void aProfileGlobAcceptsTheObjectsItMatches() {
    String spec = """
        tier: production
        acceptedFindings:
        - {check: security.host-ids, objects: [Deployment/api-*], reason: "vendor images", expires: "2026-06-30"}
        """;
    Report r = audit(deployment("api-1", "", "") + deployment("api-2", "", "") + deployment("web", "", ""), spec);
    assertThat(result(r, "security.host-ids", "Deployment/api-1").acceptance())
        .isEqualTo(new Acceptance(Acceptance.PROFILE, "vendor images", LocalDate.of(2026, 6, 30), false));
    assertThat(result(r, "security.host-ids", "Deployment/api-2").accepted()).isTrue();
    assertThat(result(r, "security.host-ids", "Deployment/web").acceptance()).isNull();
    assertThat(result(r, "workload.priority-class", "Deployment/api-1").acceptance()).as("another check").isNull();
  }

  @Test
  void anExpiredAcceptanceCountsAgainAndSaysSo() {
    String spec = """
        tier: production
        acceptedFindings:
        - {check: security.host-ids, objects: [Deployment/api], reason: "until the rebuild", expires: "%s"}
        """;
    String manifests = deployment("api", "", "");
    Report none = audit(manifests, "tier: production");
    Report onTheDay = audit(manifests, spec.formatted(TODAY));
    Report past = audit(manifests, spec.formatted(TODAY.minusDays(1)));
    assertThat(result(onTheDay, "security.host-ids", "Deployment/api").accepted()).as("the last day still holds").isTrue();
    CheckResult expired = result(past, "security.host-ids", "Deployment/api");
    assertThat(expired.accepted()).isFalse();
    assertThat(expired.acceptanceExpired()).isTrue();
    assertThat(past.expired()).containsExactly(expired);
    assertThat(past.findings()).contains(expired);
    assertThat(past.accepted()).isZero();
    assertThat(past.parity()).isEqualTo(none.parity());
    assertThat(past.failed()).isEqualTo(none.failed());
    assertThat(onTheDay.parity()).isGreaterThan(none.parity());
  }

  @Test
  void aCurrentAcceptanceWinsOverAnExpiredOne() {
    String spec = """
        tier: production
        acceptedFindings:
        - {check: security.host-ids, objects: [Deployment/api], reason: old, expires: "2020-01-01"}
        - {check: security.host-ids, objects: ["*/a*"], reason: new, expires: "2030-01-01"}
        """;
    assertThat(result(audit(deployment("api", "", ""), spec), "security.host-ids", "Deployment/api").acceptance().reason())
        .isEqualTo("new");
  }

  @Test
  void unknownIdsAndBadDatesInTheProfileAreRefusedNamingTheField() {
    assertThatThrownBy(() -> settings("""
        tier: production
        acceptedFindings:
        - {check: security.everything, objects: [Deployment/api], reason: r}
        - {check: security.host-ids, objects: [api], reason: r, expires: "2026-02-30"}
        - {check: security.host-ids, objects: [Deployment/api], reason: " "}
        """, TODAY)).isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("spec.acceptedFindings[0].check: 'security.everything' is not a check id")
        .hasMessageContaining("spec.acceptedFindings[1].objects[0]: 'api' is not Kind/name")
        .hasMessageContaining("spec.acceptedFindings[1].expires: '2026-02-30' is not a date")
        .hasMessageContaining("spec.acceptedFindings[2].reason: required");
  }

  @Test
  void unknownIdsInAnAnnotationAreIgnoredWithANote() {
    Report r = audit(deployment("api", "envprofile.dev/accept: \"security.everything,security.host-ids\"", ""), "tier: production");
    assertThat(result(r, "security.host-ids", "Deployment/api").accepted()).isTrue();
    assertThat(r.notes()).containsExactly(
        "Deployment/api: envprofile.dev/accept names an unknown check (security.everything): ignored; docs/checks.md lists the ids");
  }

  /** Parity is over the counted pairs that are not accepted; passed is unchanged, failed loses the accepted ones. */
  @Test
  void acceptedFailuresLeaveTheDenominator() {
    CheckInfo normal = CheckInfo.of("workload.resources", Severity.WARNING, Fix.YES, "", "", "");
    CheckInfo info = CheckInfo.of("storage.backup", Severity.INFO, Fix.NO, "", "", "");
    ObjectRef a = new ObjectRef("Deployment", "shop", "a");
    ObjectRef b = new ObjectRef("Deployment", "shop", "b");
    ObjectRef c = new ObjectRef("Deployment", "shop", "c");
    List<CheckResult> results = List.of(CheckResult.pass(normal, a), CheckResult.fail(normal, b, true, "x"),
        CheckResult.fail(normal, c, true, "y"), CheckResult.fail(info, a, false, "z"));
    Settings s = settings("""
        tier: production
        acceptedFindings:
        - {check: workload.resources, objects: [Deployment/b], reason: r}
        - {check: storage.backup, objects: [Deployment/a], reason: r}
        """, TODAY);
    Redactor none = new Redactor(List.of(), Set.of());
    Report without = ReportBuilder.build(s, results, none);
    Report with = ReportBuilder.build(s, results, none, Acceptances.of(Inventory.of("shop", List.<HasMetadata>of(),
        s.selector()), s));
    assertThat(without.parity()).isEqualTo(33); // 1 of 3
    assertThat(with.parity()).isEqualTo(50);    // 1 of 2: b is out
    assertThat(with.passed()).isEqualTo(1);
    assertThat(with.failed()).isEqualTo(1);
    assertThat(with.accepted()).as("info ones are listed as accepted too").isEqualTo(2);
    assertThat(with.objectParity().get(b)).as("b has only its accepted pair").isEqualTo(100);
  }

  @Test
  void aDeploymentPatternCoversTheStatefulSetItIsPromotedTo() {
    String db = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: db
                image: postgres:16.2
                env: [{name: POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: p}}}]
                volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
              volumes: [{name: data, emptyDir: {}}]
        """;
    Settings s = settings("""
        tier: production
        acceptedFindings:
        - {check: storage.replication, objects: [Deployment/db], reason: "one primary until DB-42"}
        """, TODAY);
    Report r = Engine.promote(TestManifests.parse(db), s).report();
    CheckResult replication = result(r, "storage.replication", "StatefulSet/db");
    assertThat(replication.accepted()).isTrue();
    assertThat(replication.acceptance().reason()).isEqualTo("one primary until DB-42");
  }

  @Test
  void aCredentialValueInAReasonIsMasked() {
    String cm = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: env, namespace: shop}
        data: {DB_PASSWORD: "s3cr3t-Value-42"}
        ---
        """;
    Report r = audit(cm + deployment("api", "envprofile.dev/accept: security.host-ids, envprofile.dev/accept-reason: \"pw is s3cr3t-Value-42\"", ""),
        "tier: production");
    assertThat(result(r, "security.host-ids", "Deployment/api").acceptance().reason()).doesNotContain("s3cr3t-Value-42");
  }

  @Test
  void globsMatchWithoutRegularExpressions() {
    assertThat(ObjectPattern.matches("Deployment/api-*", "Deployment/api-1")).isTrue();
    assertThat(ObjectPattern.matches("Deployment/api-*", "Deployment/api")).isFalse();
    assertThat(ObjectPattern.matches("Deployment/api-*", "StatefulSet/api-1")).isFalse();
    assertThat(ObjectPattern.matches("*/legacy-*", "CronJob/legacy-a")).isTrue();
    assertThat(ObjectPattern.matches("*/legacy", "CronJob/legacy-a")).isFalse();
    assertThat(ObjectPattern.matches("Deployment/api", "Deployment/api")).isTrue();
    assertThat(ObjectPattern.matches("Deployment/a*a", "Deployment/a")).as("head and tail may not overlap").isFalse();
    assertThat(ObjectPattern.matches("Deployment/*aab*", "Deployment/aaab")).isTrue();
    assertThat(ObjectPattern.matches("Deployment/*ab*ab*", "Deployment/xabab")).isTrue();
    assertThat(ObjectPattern.matches("Deployment/*ab*ab*", "Deployment/xaba")).isFalse();
    assertThat(ObjectPattern.matches("*/*", "Service/x")).isTrue();
    assertThat(ObjectPattern.matches("Deployment/a.b", "Deployment/axb")).as(". is literal").isFalse();
    assertThat(ObjectPattern.matches("Deployment/a*b*c", "Deployment/aXbYc")).isTrue();
  }
}
