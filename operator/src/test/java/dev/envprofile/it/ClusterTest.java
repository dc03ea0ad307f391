package dev.envprofile.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the integration tier: the run's control plane with the project's CRD installed, and a
 * fresh namespace per test (deleted afterwards).
 */
public abstract class ClusterTest {
  protected static ControlPlane cluster;
  protected static KubernetesClient client;
  protected String namespace;

  @BeforeAll
  static void connect() {
    cluster = ControlPlane.get();
    client = cluster.client();
    installCrds();
  }

  @BeforeEach
  void createNamespace(TestInfo info) {
    String base = info.getTestMethod().map(m -> m.getName()).orElse("test").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-");
    base = base.length() > 40 ? base.substring(0, 40) : base;
    namespace = "it-" + base.replaceAll("-+$", "") + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
  }

  @AfterEach
  void deleteNamespace() {
    if (namespace != null) {
      client.namespaces().withName(namespace).delete();
    }
  }

  /** Waits up to a minute, polling every 200 ms. */
  protected static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions();
  }

  protected static synchronized void installCrds() {
    Path dir = ControlPlane.root().resolve("crds");
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
          eventually().until(() -> {
            var c = client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).get();
            return c.getStatus() != null && c.getStatus().getConditions().stream()
                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus()));
          });
        }
      }
    } catch (IOException e) {
      throw new AssertionError("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML into objects placed in the test's namespace. */
  protected List<HasMetadata> load(String yaml) {
    List<HasMetadata> objects = client.load(new java.io.ByteArrayInputStream(yaml.getBytes())).items();
    objects.forEach(o -> o.getMetadata().setNamespace(namespace));
    return objects;
  }
}
