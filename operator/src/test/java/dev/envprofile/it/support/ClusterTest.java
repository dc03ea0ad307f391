package dev.envprofile.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.api.EnvironmentProfileStatus;
import dev.envprofile.cli.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
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
  protected static final String TEST_MANAGER = "test-user";
  protected static ControlPlane cluster;
  protected static KubernetesClient client;
  protected String namespace;

  @BeforeAll
  public static void connect() {
    cluster = ControlPlane.get();
    client = cluster.client();
    installCrds();
    // The operator keeps its revert logs in its own namespace: envprofile-system, as the chart installs it.
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Chart.NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @BeforeEach
  public void createNamespace(TestInfo info) {
    String base = info.getTestMethod().map(m -> m.getName()).orElse("test").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-");
    base = base.length() > 40 ? base.substring(0, 40) : base;
    namespace = "it-" + base.replaceAll("-+$", "") + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    client.namespaces().resource(enabledNamespace(namespace)).create();
  }

  /** A namespace opted in to the operator (namespaces are opt-in by default: docs/security.md). */
  protected static io.fabric8.kubernetes.api.model.Namespace enabledNamespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name)
        .addToLabels(dev.envprofile.operator.policy.NamespaceGate.ENABLED_LABEL, "true").endMetadata().build();
  }

  @AfterEach
  public void deleteNamespace() {
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

  /** The External Secrets Operator's ExternalSecret CRD (a test stand-in: no controller runs). */
  protected static synchronized void installExternalSecretsCrd() {
    var crd = client.getKubernetesSerialization().unmarshal(
        ClusterTest.class.getResourceAsStream("/crds/external-secrets.yaml"), CustomResourceDefinition.class);
    client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
    eventually().until(() -> client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .get().getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")));
  }

  /** Parses YAML into objects placed in the test's namespace. */
  protected List<HasMetadata> load(String yaml) {
    List<HasMetadata> objects = client.load(new java.io.ByteArrayInputStream(yaml.getBytes())).items();
    objects.forEach(o -> o.getMetadata().setNamespace(namespace));
    return objects;
  }

  /** The sample's manifests, placed in the test's namespace. */
  protected List<HasMetadata> sample(String name) {
    Path dir = ControlPlane.root().resolve("samples").resolve(name).resolve("manifests");
    List<HasMetadata> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        out.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    out.forEach(o -> o.getMetadata().setNamespace(namespace));
    return out;
  }

  protected EnvironmentProfile sampleProfile(String sample, String profile) {
    Path f = ControlPlane.root().resolve("samples").resolve(sample).resolve("profiles").resolve(profile + ".yaml");
    try {
      EnvironmentProfile p = ManifestReader.serialization().unmarshal(Files.readString(f), EnvironmentProfile.class);
      p.getMetadata().setNamespace(namespace);
      return p;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected EnvironmentProfile profile(String name, String specYaml) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: " + name
        + ", namespace: " + namespace + "}\nspec:\n" + specYaml.indent(2);
    return ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class);
  }

  /** Applies objects as a user would (server-side apply under the test's own field manager). */
  protected void applyAsUser(List<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      o.getMetadata().setNamespace(namespace);
      client.resource(o).fieldManager(TEST_MANAGER).forceConflicts().serverSideApply();
    }
  }

  protected EnvironmentProfile live(String name) {
    return client.resources(EnvironmentProfile.class).inNamespace(namespace).withName(name).get();
  }

  protected EnvironmentProfileStatus waitForPhase(String name, EnvironmentProfileStatus.Phase phase) {
    eventually().atMost(java.time.Duration.ofSeconds(120)).untilAsserted(() -> {
      EnvironmentProfile p = live(name);
      assertThat(p.getStatus()).as("status of " + name).isNotNull();
      assertThat(p.getStatus().phase).as("phase of " + name + ": " + conditions(p)).isEqualTo(phase);
    });
    return live(name).getStatus();
  }

  protected static String conditions(EnvironmentProfile p) {
    return p.getStatus() == null ? "no status" : p.getStatus().conditions.stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "(" + c.getReason() + ": " + c.getMessage() + ")").toList().toString();
  }

  /** A sample's profile on this cluster's default storage class (the samples name a production class). */
  protected EnvironmentProfile sampleProfileOnTestStorage(String sample, String profile) {
    EnvironmentProfile p = sampleProfile(sample, profile);
    p.getSpec().storage.storageClassName = null;
    return p;
  }

  /** Binds every pending claim of the class "held", as a provisioner would once storage arrives; waits for the StatefulSets. */
  protected void bindHeldClaims() {
    eventually().untilAsserted(() -> {
      var pending = client.persistentVolumeClaims().inNamespace(namespace).list().getItems().stream()
          .filter(c -> "held".equals(c.getSpec().getStorageClassName()) && !"Bound".equals(c.getStatus().getPhase())).toList();
      for (var claim : pending) {
        String pv = "held-" + claim.getMetadata().getUid();
        if (client.persistentVolumes().withName(pv).get() == null) {
          client.persistentVolumes().resource(new io.fabric8.kubernetes.api.model.PersistentVolumeBuilder()
              .withNewMetadata().withName(pv).endMetadata()
              .withNewSpec().withCapacity(java.util.Map.of("storage", new io.fabric8.kubernetes.api.model.Quantity("20Gi")))
              .withAccessModes("ReadWriteOnce").withStorageClassName("held")
              .withNewClaimRef().withNamespace(namespace).withName(claim.getMetadata().getName())
              .withUid(claim.getMetadata().getUid()).endClaimRef()
              .withNewHostPath().withPath("/tmp/held").endHostPath().endSpec().build()).create();
        }
      }
      assertThat(client.apps().statefulSets().inNamespace(namespace).list().getItems())
          .allMatch(s -> s.getStatus() != null && s.getStatus().getReadyReplicas() != null && s.getStatus().getReadyReplicas() >= 1);
    });
  }
}
