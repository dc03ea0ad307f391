package dev.envprofile.cli;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.operator.reconciler.NamespaceSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit|promote --namespace NS}: the namespace as the operator sees it, read through the
 * current kubeconfig (read-only: get and list, nothing else). The objects are the operator's user
 * view ({@link NamespaceSnapshot#read}); the profile is --profile, else the namespace's
 * EnvironmentProfile on the cluster.
 */
final class LiveNamespace {
  /** The objects (user view, managedFields dropped), and the cluster's profile when no --profile was given. */
  record Read(String namespace, List<Document> documents, EnvironmentProfile profile, String profileLabel) {}

  private LiveNamespace() {}

  /** A client for the kubeconfig of {@code env} (KUBECONFIG, else ~/.kube/config, else in-cluster), at {@code context}. */
  static KubernetesClient client(Map<String, String> env, String context) {
    Config config;
    String kubeconfig = env.get("KUBECONFIG");
    File file = kubeconfig != null && !kubeconfig.isBlank()
        ? new File(kubeconfig.split(File.pathSeparator)[0])
        : env.containsKey("HOME") ? new File(env.get("HOME"), ".kube/config") : null;
    try {
      config = file != null && file.isFile() ? Config.fromKubeconfig(context, file) : Config.autoConfigure(context);
    } catch (RuntimeException e) {
      throw new ClusterReadException("cannot load the kubeconfig" + (file == null ? "" : " " + file) + ": "
          + ManifestReader.firstLine(String.valueOf(e.getMessage())));
    }
    config.setRequestTimeout(30_000);
    config.setConnectionTimeout(10_000);
    config.setRequestRetryBackoffLimit(1); // one retry: a CLI says at once that the cluster cannot be reached
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Reads namespace {@code ns}; {@code wantProfile}: also find its EnvironmentProfile (no --profile given). */
  static Read read(KubernetesClient client, String ns, boolean wantProfile) {
    try {
      EnvironmentProfile profile = wantProfile ? profile(client, ns) : null;
      List<Document> docs = new ArrayList<>();
      for (HasMetadata o : NamespaceSnapshot.read(client, ns).userView()) {
        serverFieldsDropped(o);
        docs.add(new Document(o, source(ns), 0));
      }
      return new Read(ns, docs, profile, profile == null ? null
          : "EnvironmentProfile/" + profile.getMetadata().getName() + " (namespace " + ns + " on the cluster)");
    } catch (KubernetesClientException e) {
      throw failure(ns, e);
    }
  }

  /**
   * The metadata the API server sets (managedFields, resourceVersion, uid, creationTimestamp,
   * generation): bookkeeping no promotion writes and no check reads, noise in every output.
   */
  private static void serverFieldsDropped(HasMetadata o) {
    var m = o.getMetadata();
    m.setManagedFields(null);
    m.setResourceVersion(null);
    m.setUid(null);
    m.setCreationTimestamp(null);
    m.setGeneration(null);
    m.setSelfLink(null);
  }

  /** How the live objects are named where a file would be: no file holds them. */
  static String source(String ns) {
    return "<namespace " + ns + ">";
  }

  private static EnvironmentProfile profile(KubernetesClient client, String ns) {
    List<EnvironmentProfile> found;
    try {
      found = client.resources(EnvironmentProfile.class).inNamespace(ns).list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      found = List.of(); // the CRD is not installed: no profile on this cluster
    }
    if (found.isEmpty()) {
      throw new BadInputException(null, -1, "namespace " + ns + " has no EnvironmentProfile on the cluster: give"
          + " --profile FILE");
    }
    if (found.size() > 1) {
      throw new BadInputException(null, -1, "namespace " + ns + " has " + found.size() + " EnvironmentProfiles on the"
          + " cluster (" + InputScope.list(found.stream().map(p -> p.getMetadata().getName()).toList())
          + "): give --profile FILE");
    }
    return found.get(0);
  }

  /** One line for what went wrong talking to the cluster; a refusal names the role that grants the reads. */
  private static ClusterReadException failure(String ns, KubernetesClientException e) {
    String what = e.getCode() == 403 ? "forbidden (bind the chart's reader ClusterRole in " + ns
        + " with a RoleBinding, see docs/cli.md)" : e.getCode() > 0 ? "HTTP " + e.getCode() : "the API server cannot be reached";
    String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : e.getCause() != null ? e.getCause().getClass().getSimpleName() : "";
    return new ClusterReadException("cannot read namespace " + ns + ": " + what
        + (detail.isEmpty() ? "" : ": " + ManifestReader.firstLine(detail)));
  }

  /**
   * For printing promote's manifests of a live namespace: a Secret with its values masked (keys
   * kept). The values were in the cluster, not in any input the user gave, and stdout goes into CI
   * logs; a masked value is not base64, so the output cannot be applied with it by mistake.
   */
  static HasMetadata masked(HasMetadata o) {
    if (!(o instanceof Secret s) || (s.getData() == null && s.getStringData() == null)) {
      return o;
    }
    Secret copy = dev.envprofile.engine.Copies.deep(s);
    copy.setData(maskValues(copy.getData()));
    copy.setStringData(maskValues(copy.getStringData()));
    return copy;
  }

  private static Map<String, String> maskValues(Map<String, String> values) {
    if (values == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    values.keySet().forEach(k -> out.put(k, dev.envprofile.engine.report.Redactor.MASK));
    return out;
  }

  /** The cluster could not be read: exit 1 (not the input's fault), one line. */
  static final class ClusterReadException extends RuntimeException {
    ClusterReadException(String message) {
      super(message, null, false, false);
    }
  }
}
