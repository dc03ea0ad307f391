package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: defaults about the environment (issuer, ingress controller namespace, no external
 * address ranges) are announced once, with the profile field that changes them; set, they are not.
 */
class AssumptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: "example/web:1.0", ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: shop}
      spec:
        rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
      """;

  @Test
  void defaultsAreAnnouncedWithTheFieldThatChangesThem() throws IOException {
    Path profile = Files.writeString(dir.resolve("p.yaml"), profile(""));
    Path app = Files.writeString(dir.resolve("app.yaml"), APP);
    JsonNode report = JSON.readTree(Cli.run("audit", "--profile", profile.toString(), "-f", app.toString()).out());
    assertThat(report.get("assumptions").findValuesAsText("field")).containsExactly("spec.tls.clusterIssuer",
        "spec.network.ingressControllerNamespace", "spec.network.egressCIDRs");
    assertThat(report.get("assumptions").get(1).get("message").asText())
        .startsWith("ingress controller assumed in namespace ingress-nginx").endsWith("(spec.network.ingressControllerNamespace)");

    Cli.Run promote = Cli.run("promote", "--profile", profile.toString(), "-f", app.toString());
    assertThat(promote.err().lines().filter(l -> l.contains("assumed"))).hasSize(3)
        .allSatisfy(l -> assertThat(l).startsWith("envprofile: note: ").containsPattern("\\(spec\\.[a-zA-Z.]+"));
    String table = Cli.run("audit", "--profile", profile.toString(), "-f", app.toString(), "-o", "table").out();
    assertThat(table).contains("\nnote: ingress controller assumed in namespace ingress-nginx");
  }

  @Test
  void valuesTheProfileSetsAreNotAssumed() throws IOException {
    Path profile = Files.writeString(dir.resolve("p.yaml"), profile("""
          tls: {issuer: shop-ca}
          network: {ingressControllerNamespace: kube-system, ingressClassNames: [traefik], egressCIDRs: [10.0.0.0/8]}
        """));
    Path app = Files.writeString(dir.resolve("app.yaml"), APP);
    JsonNode report = JSON.readTree(Cli.run("audit", "--profile", profile.toString(), "-f", app.toString()).out());
    assertThat(report.get("assumptions")).isEmpty();
    assertThat(Cli.run("promote", "--profile", profile.toString(), "-f", app.toString()).err()).doesNotContain("assumed");
  }

  @Test
  void withoutAnIngressOnlyTheEgressAssumptionMatters() throws IOException {
    Path profile = Files.writeString(dir.resolve("p.yaml"), profile(""));
    Path app = Files.writeString(dir.resolve("app.yaml"), APP.substring(0, APP.indexOf("---\napiVersion: networking")));
    JsonNode report = JSON.readTree(Cli.run("audit", "--profile", profile.toString(), "-f", app.toString()).out());
    assertThat(report.get("assumptions").findValuesAsText("field")).containsExactly("spec.network.egressCIDRs");
  }

  private static String profile(String extra) {
    return """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec:
          tier: production
        """ + extra;
  }
}
