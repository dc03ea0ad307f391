package dev.envprofile.it.support;

import dev.envprofile.cli.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Helm chart, rendered by the helm that `make cluster-bins` builds, installed on the run's
 * control plane (server-side dry run first), and the operator's identity it creates: the tests
 * run the operator with the chart's ServiceAccount token, so every scenario proves its RBAC.
 */
public final class Chart {
  public static final String NAMESPACE = "envprofile-system";
  public static final String RELEASE = "envprofile-operator";
  public static final String SERVICE_ACCOUNT = "envprofile-operator";
  public static final String USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;
  private static boolean installed;

  /** What a helm run printed, and how it exited. */
  public record Run(int exit, String output) {}

  private Chart() {}

  public static Path dir() {
    return ControlPlane.root().resolve("helm/envprofile-operator");
  }

  public static Run helm(ControlPlane cluster, String... args) {
    Path helm = cluster.kubeconfig().resolveSibling("helm");
    if (!Files.isExecutable(helm)) {
      throw new AssertionError("helm is missing next to the kubeconfig (" + helm + "): run `make cluster-bins`");
    }
    List<String> cmd = new ArrayList<>(List.of(helm.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("helm did not finish in 60 s: " + cmd);
      }
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      throw new AssertionError("helm: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The chart rendered with {@code extra} helm arguments (values files, --set); fails on a helm error. */
  public static List<HasMetadata> render(ControlPlane cluster, String... extra) {
    List<String> args = new ArrayList<>(List.of("template", RELEASE, dir().toString(), "--namespace", NAMESPACE));
    args.addAll(List.of(extra));
    Run run = helm(cluster, args.toArray(String[]::new));
    if (run.exit() != 0) {
      throw new AssertionError("helm template failed: " + run.output());
    }
    return ManifestReader.read("helm template", run.output());
  }

  /** Installs the default rendering once per run: a server-side dry run of every object, then for real. */
  public static synchronized void install(ControlPlane cluster) {
    if (installed) {
      return;
    }
    KubernetesClient admin = cluster.client();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    List<HasMetadata> objects = render(cluster);
    for (HasMetadata o : objects) {
      admin.resource(o).dryRun().fieldManager("helm").forceConflicts().serverSideApply();
    }
    for (HasMetadata o : objects) {
      admin.resource(o).fieldManager("helm").forceConflicts().serverSideApply();
    }
    installed = true;
  }

  /**
   * The policy file the chart's Deployment mounts, rendered from the chart's default values widened
   * only by {@code extra} (and the storage class "held", whose claims the tests bind themselves).
   */
  public static synchronized Path testPolicyFile(ControlPlane cluster, String... extra) {
    List<String> args = new ArrayList<>(List.of("--set", "policy.storageClasses={held}"));
    args.addAll(List.of(extra));
    String policy = render(cluster, args.toArray(String[]::new)).stream()
        .filter(o -> o instanceof io.fabric8.kubernetes.api.model.ConfigMap && o.getMetadata().getName().endsWith("-policy"))
        .map(o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData().get("policy.yaml")).findFirst()
        .orElseThrow(() -> new AssertionError("the chart renders no policy ConfigMap"));
    try {
      Path dir = ControlPlane.root().resolve("operator/target");
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "test-policy-", ".yaml");
      Files.writeString(file, policy);
      return file;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A token of the chart's ServiceAccount, from the TokenRequest API (the chart is installed first). */
  public static String token(ControlPlane cluster) {
    install(cluster);
    return cluster.client().serviceAccounts().inNamespace(NAMESPACE).withName(SERVICE_ACCOUNT)
        .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(24 * 3600L).endSpec().build())
        .getStatus().getToken();
  }

  /** A kubeconfig file for the chart's ServiceAccount, for operator processes the tests start. */
  public static Path kubeconfig(ControlPlane cluster, Path file) throws IOException {
    Config a = cluster.client().getConfiguration();
    String ca = a.getCaCertData() != null ? "certificate-authority-data: " + a.getCaCertData()
        : "certificate-authority: " + a.getCaCertFile();
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters: [{name: test, cluster: {server: "%s", %s}}]
        users: [{name: operator, user: {token: "%s"}}]
        contexts: [{name: test, context: {cluster: test, user: operator}}]
        current-context: test
        """.formatted(a.getMasterUrl(), ca, token(cluster)));
    return file;
  }

  /** A client that authenticates as the chart's ServiceAccount, with a token from the TokenRequest API. */
  public static KubernetesClient operatorClient(ControlPlane cluster) {
    String token = token(cluster);
    Config a = cluster.client().getConfiguration();
    Config config = new ConfigBuilder().withMasterUrl(a.getMasterUrl()).withCaCertFile(a.getCaCertFile())
        .withCaCertData(a.getCaCertData()).withOauthToken(token).withRequestTimeout(30_000).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
