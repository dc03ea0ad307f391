package dev.envprofile.engine.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, defect 10c: quantities are written as the API server stores them, so that a GitOps
 * diff between the promoted manifests and the live objects is empty. Expected values follow
 * apimachinery's resource.Quantity canonicalisation (CanonicalizeBytes).
 */
class QuantitiesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // binary SI: the largest suffix that keeps the number whole
      "1024Mi, 1Gi", "2048Ki, 2Mi", "1536Mi, 1536Mi", "1280Mi, 1280Mi", "0.5Gi, 512Mi", "1.5Gi, 1536Mi",
      "1Ki, 1Ki", "100Ki, 100Ki", "1024Ti, 1Pi", "10Gi, 10Gi", "1048576Ki, 1Gi",
      // binary SI below 1024 bytes, or not whole bytes, is written in decimal SI
      "0.5Ki, 512", "0.25Ki, 256", "0.1Ki, 102400m",
      // decimal SI: the largest multiple-of-three exponent that keeps the number whole
      "100m, 100m", "0.1, 100m", "1000m, 1", "1500m, 1500m", "1.5, 1500m", "1000, 1k", "1500, 1500", "128, 128",
      "1000000, 1M", "1000M, 1G", "500k, 500k", "0.000000001, 1n", "0.0000000001, 1n", "0.5m, 500u",
      // decimal exponents stay exponents
      "1e3, 1e3", "1000e0, 1e3", "1.5e3, 1500", "12e6, 12e6",
      // zero
      "0, 0", "0Gi, 0", "0m, 0",
  })
  void canonicalForm(String in, String out) {
    assertThat(Quantities.canonical(in)).isEqualTo(out);
  }

  @Test
  void anythingElseIsLeftForTheApiServerToReject() {
    assertThat(Quantities.canonical("lots")).isEqualTo("lots");
    assertThat(Quantities.canonical("12Xi")).isEqualTo("12Xi");
    assertThat(Quantities.canonical("")).isEmpty();
  }

  @Test
  void engineWritesCanonicalQuantities() {
    var r = dev.envprofile.testing.TestManifests.promote("""
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
                env: [{name: JAVA_OPTS, value: "-Xmx768m"}]
        """, "tier: production\nworkloads: {resources: {requests: {cpu: \"0.1\", memory: 512Mi}, limits: {memory: 1024Mi}}}");
    var c = dev.envprofile.testing.TestManifests.get(r.objects(), io.fabric8.kubernetes.api.model.apps.Deployment.class, "api")
        .getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("100m");
    assertThat(c.getResources().getLimits().get("memory").toString()).as("768Mi + 256Mi, and 2 x 512Mi").isEqualTo("1Gi");
  }
}
