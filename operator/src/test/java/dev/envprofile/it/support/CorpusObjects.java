package dev.envprofile.it.support;

import dev.envprofile.testing.Corpus.App;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;

/** A corpus app's objects placed in a test namespace; cluster-scoped ones keep none. */
public final class CorpusObjects {
  /** The kinds without a namespace that the corpus holds. */
  public static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PersistentVolume", "ClusterRole", "ClusterRoleBinding",
      "StorageClass");

  private CorpusObjects() {}

  /** The app's objects, the namespaced ones (those naming sock-shop or emojivoto too) moved into {@code namespace}. */
  public static List<HasMetadata> relocated(App app, String namespace) {
    // Custom resources of other projects (Dapr Components) have no CRD on the test control plane:
    // the engine passes them through unchanged, so leaving them out changes nothing it decides.
    List<HasMetadata> out = new java.util.ArrayList<>(app.objects().stream()
        .filter(o -> !(o instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource)).toList());
    for (HasMetadata o : out) {
      o.getMetadata().setNamespace(CLUSTER_SCOPED.contains(o.getKind()) ? null : namespace);
    }
    return out;
  }
}
