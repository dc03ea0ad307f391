package dev.envprofile.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.envprofile.engine.credentials.ArgCredentials;
import dev.envprofile.engine.credentials.ConfigFileSettings;
import dev.envprofile.engine.credentials.ConnectionStrings;
import dev.envprofile.engine.credentials.CredentialNames;
import dev.envprofile.engine.credentials.EmbeddedCredentials;
import dev.envprofile.engine.credentials.UserInfo;
import dev.envprofile.engine.network.References;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.testing.TestManifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every scanner of tenant data runs in linear time with a bounded number of characters per value.
 * The timeout is a hang guard only: the assertions are on results.
 */
class HostileScanningTest {
  private static final Duration GUARD = Duration.ofSeconds(20);
  private static final CredentialNames NAMES = new CredentialNames(List.of());

  static List<String> hostile() {
    List<String> out = new ArrayList<>();
    out.add("a".repeat(1 << 20));
    out.add("a".repeat(50_000) + "://");
    out.add("a".repeat(50_000) + "://" + "b".repeat(50_000));
    out.add("\"a.\"".repeat(5_000));
    out.add("\"a\":".repeat(50_000));
    out.add("a://".repeat(50_000));
    out.add("x:" + "1".repeat(100_000));
    out.add("a.".repeat(100_000) + ":5432");
    out.add("a-".repeat(100_000) + ":80");
    out.add("$(".repeat(100_000));
    out.add("$($($(a".repeat(30_000));
    out.add("Host=".repeat(50_000));
    out.add("k=v;".repeat(100_000) + "Password=x");
    out.add("bearer ".repeat(100_000));
    out.add("Bearer " + "x-".repeat(200_000));
    out.add("xoxb-".repeat(100_000));
    out.add("ghp_".repeat(100_000));
    out.add("u:p@".repeat(100_000));
    out.add("redis://:" + "@".repeat(100_000));
    out.add(("password: " + "x".repeat(100) + "\n").repeat(5_000));
    out.add("\"password\": ".repeat(50_000));
    out.add(" ".repeat(1 << 20) + "=");
    out.add("-p".repeat(100_000));
    return out;
  }

  @Test
  void scannersFinishOnHostileValues() {
    List<String> values = hostile();
    int found = assertTimeoutPreemptively(GUARD, () -> {
      int n = 0;
      for (String v : values) {
        n += EmbeddedCredentials.find(v).size();
        n += ConfigFileSettings.find(v, NAMES).size();
        n += References.in(v, true).size();
        n += UserInfo.passwords(v).size();
        n += ConnectionStrings.parse(v) == null ? 0 : 1;
        n += ArgCredentials.find(List.of("sh", "-c", v), NAMES).size();
        n += UserInfo.isReference(v) ? 1 : 0;
        n += UserInfo.hasReference(v) ? 1 : 0;
        n += UserInfo.strip(v).length() > 0 ? 0 : 1;
      }
      return n;
    });
    // Some of them hold credentials ("password: xxx..." lines, "Password=x"): the scanners still answer.
    assertThat(found).isGreaterThan(0);
    assertThat(ConfigFileSettings.find(("password: " + "x".repeat(100) + "\n").repeat(2_000), NAMES))
        .extracting(ConfigFileSettings.Setting::value).containsExactly("x".repeat(100));
  }

  @Test
  void theRedactorFinishesOnHostileMessages() {
    Redactor r = new Redactor(List.of("aaaa", "aaaaaaaaaa", "a.a.", "\"a.\""), Set.of("a".repeat(1 << 20)));
    String masked = assertTimeoutPreemptively(GUARD, () -> {
      StringBuilder sb = new StringBuilder();
      for (String v : hostile()) {
        sb.append(r.mask(v).length()).append(',');
      }
      return sb.toString();
    });
    assertThat(masked).isNotEmpty();
    assertThat(r.mask("a".repeat(1 << 20))).as("a name is not masked").hasSize(1 << 20);
    assertThat(r.mask("x " + "a".repeat(100_000) + " y")).isEqualTo("x **** y");
  }

  @Test
  void anAuditOfHostileConfigurationFinishes() {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: hostile}
        data:
        """);
    int i = 0;
    for (String v : List.of("a".repeat(50_000) + "://", "\"a.\"".repeat(5_000), "k=v;".repeat(2_000) + "Password=Hostile-Pass-1")) {
      yaml.append("  k").append(i++).append(": '").append(v.replace("'", "''")).append("'\n");
    }
    yaml.append("""
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
              - name: api
                image: example/api:1.0
                envFrom: [{configMapRef: {name: hostile}}]
        """);
    Result r = assertTimeoutPreemptively(GUARD, () -> TestManifests.audit(yaml.toString(), "tier: production"));
    assertThat(TestManifests.result(r, "security.secrets-in-configmap", "hostile").passed()).isFalse();
  }
}
