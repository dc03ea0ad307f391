package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envprofile.testing.Cli;
import dev.envprofile.testing.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit|promote --namespace NS: the live namespace read through the kubeconfig (a fabric8 mock API
 * server holding the shop sample and its EnvironmentProfile), read-only and per namespace.
 */
@EnableKubernetesMockClient(crud = true)
class CliLiveNamespaceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir
  Path dir;

  private Map<String, String> env;
  private final String profileFile = Samples.ROOT.resolve("shop/profiles/production-secret.yaml").toString();
  private final String manifests = Samples.ROOT.resolve("shop/manifests").toString();

  @BeforeEach
  void cluster() throws IOException {
    for (HasMetadata o : ManifestReader.read("shop", concatenated(Path.of(manifests)))) {
      o.getMetadata().setNamespace("shop");
      client.resource(o).create();
    }
    client.resources(dev.envprofile.api.EnvironmentProfile.class).inNamespace("shop")
        .resource(ProfileLoader.read(profileFile)).create();
    // Another namespace's Secret: never read.
    client.resource(new SecretBuilder().withNewMetadata().withName("elsewhere").withNamespace("billing").endMetadata()
        .addToStringData("password", "billing-secret-value").build()).create();
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        contexts:
        - name: mock
          context: {cluster: mock, user: u}
        current-context: mock
        users:
        - name: u
          user: {token: t}
        """.formatted(client.getMasterUrl().toString()));
    env = Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString());
    drainRequests();
  }

  private static String concatenated(Path manifestDir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(manifestDir)) {
      for (Path f : files.sorted().toList()) {
        all.append("---\n").append(Files.readString(f));
      }
    }
    return all.toString();
  }

  private List<RecordedRequest> drainRequests() {
    List<RecordedRequest> out = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
        out.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  @Test
  void auditOfTheLiveNamespaceWithItsOwnProfileIsTheAuditOfItsManifests() throws IOException {
    Cli.Run live = Cli.runWithEnv(env, "audit", "--namespace", "shop", "-o", "json");
    assertThat(live.exit()).as(live.err()).isZero();
    Cli.Run files = Cli.run("audit", "--profile", profileFile, "-f", manifests, "-o", "json");
    JsonNode a = JSON.readTree(live.out());
    JsonNode b = JSON.readTree(files.out());
    assertThat(a.get("parity")).isEqualTo(b.get("parity"));
    assertThat(a.get("assumptions")).isEqualTo(b.get("assumptions"));
    assertThat(results(a)).containsExactlyInAnyOrderElementsOf(results(b));

    // Read-only, and only this namespace: GETs, no cluster-wide list of Secrets, nothing of billing.
    List<RecordedRequest> requests = drainRequests();
    assertThat(requests).isNotEmpty().allSatisfy(r -> {
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getPath()).doesNotStartWith("/api/v1/secrets").doesNotContain("/namespaces/billing");
    });
    assertThat(requests).anySatisfy(r -> assertThat(r.getPath()).startsWith("/api/v1/namespaces/shop/secrets"));
  }

  private static List<String> results(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("checks").forEach(c -> out.add(c.get("id").asText() + " " + c.get("object").asText() + " "
        + c.get("passed").asBoolean() + " " + c.get("message").asText()));
    return out;
  }

  @Test
  void promoteDiffShowsWhatEnforceWouldChangeOnTheCluster() {
    Cli.Run live = Cli.runWithEnv(env, "promote", "--namespace", "shop", "--diff");
    assertThat(live.exit()).as(live.err()).isZero();
    assertThat(live.out()).contains("+++ b/StatefulSet/shop/").contains("+++ b/NetworkPolicy/shop/")
        .doesNotContain("resourceVersion").doesNotContain("managedFields");
  }

  @Test
  void promoteMasksSecretValuesReadFromTheCluster() {
    client.resource(new SecretBuilder().withNewMetadata().withName("tls-keys").withNamespace("shop").endMetadata()
        .addToData("key", "c2VjcmV0LWtleS12YWx1ZQ==").build()).create();
    Cli.Run live = Cli.runWithEnv(env, "promote", "--namespace", "shop");
    assertThat(live.exit()).as(live.err()).isZero();
    assertThat(live.out()).contains("name: tls-keys").contains("key: \"****\"").doesNotContain("c2VjcmV0LWtleS12YWx1ZQ==");
    assertThat(live.err()).contains("envprofile: note: Secret values read from namespace shop are masked (****)");
  }

  @Test
  void aGivenProfileWinsOverTheClustersAndMustNotNameAnotherNamespace() throws IOException {
    Cli.Run staging = Cli.runWithEnv(env, "audit", "--namespace", "shop", "--profile",
        Samples.ROOT.resolve("shop/profiles/staging.yaml").toString(), "-o", "json");
    assertThat(staging.exit()).as(staging.err()).isZero();
    assertThat(JSON.readTree(staging.out()).get("tier").asText()).isEqualTo("staging");

    Cli.Run other = Cli.runWithEnv(env, "audit", "--namespace", "orders", "--profile", profileFile);
    assertThat(other.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(other.err()).isEqualTo("envprofile: " + profileFile + ": names namespace shop, not orders (--namespace):"
        + " drop metadata.namespace or give the profile of orders\n");
  }

  @Test
  void aNamespaceWithoutAProfileOrWorkloadIsBadInput() throws IOException {
    Cli.Run noProfile = Cli.runWithEnv(env, "audit", "--namespace", "billing");
    assertThat(noProfile.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(noProfile.err()).isEqualTo("envprofile: namespace billing has no EnvironmentProfile on the cluster: give"
        + " --profile FILE\n");
    String anyNamespace = Files.writeString(dir.resolve("any.yaml"), Files.readString(Path.of(profileFile))
        .replace("  namespace: shop\n", "")).toString();
    Cli.Run noWorkload = Cli.runWithEnv(env, "audit", "--namespace", "billing", "--profile", anyNamespace);
    assertThat(noWorkload.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(noWorkload.err()).startsWith("envprofile: <namespace billing>: ");
  }

  @Test
  void filesBesideTheNamespaceAreRefused() {
    Cli.Run run = Cli.runWithEnv(env, "audit", "--namespace", "shop", "-f", manifests);
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).isEqualTo("envprofile: --namespace reads the cluster: give it without -f and -k\n");
  }

  @Test
  void anUnreachableApiServerIsOneLineAndExitOne() throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("down"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: down
          cluster: {server: "https://127.0.0.1:1"}
        contexts:
        - name: down
          context: {cluster: down, user: u}
        current-context: down
        users:
        - name: u
          user: {token: t}
        """);
    Cli.Run run = Cli.runWithEnv(Map.of("KUBECONFIG", kubeconfig.toString()), "audit", "--namespace", "shop");
    assertThat(run.exit()).isEqualTo(Main.FAILURE);
    assertThat(run.err()).startsWith("envprofile: cannot read namespace shop: the API server cannot be reached")
        .hasLineCount(1);
  }
}
