package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deleting a profile does (its finalizer). Retain: the production shape stays; generated
 * objects lose their owner reference, so garbage collection keeps them. Revert: source
 * Deployments get their replicas back and their StatefulSets go, fields the operator applied to
 * user objects are released, scrubbed ConfigMap keys come back, generated policies, budgets,
 * autoscalers and Services go. Credentials stay in their Secrets (consumers still read them
 * there) and no PersistentVolumeClaim is ever deleted.
 */
final class Cleanup {
  private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);
  private static final List<String> REMOVED_ON_REVERT = List.of("NetworkPolicy", "PodDisruptionBudget",
      "HorizontalPodAutoscaler", "Service", "StatefulSet");

  private final KubernetesClient client;
  private final EnvironmentProfile profile;
  private final Writer writer;
  private final String ns;

  Cleanup(KubernetesClient client, EnvironmentProfile profile) {
    this.client = client;
    this.profile = profile;
    this.writer = new Writer(client);
    this.ns = profile.getMetadata().getNamespace();
  }

  void run() {
    boolean revert = profile.getSpec() != null && profile.getSpec().deletionPolicy == DeletionPolicy.Revert;
    if (revert) {
      restoreDeployments();
      restoreConfigMapKeys();
      releaseAppliedFields();
    }
    for (HasMetadata o : generated()) {
      try {
        if (revert && REMOVED_ON_REVERT.contains(o.getKind())) {
          delete(o);
        } else {
          dropOwner(o);
        }
      } catch (KubernetesClientException e) {
        LOG.warn("cleanup of {}/{} {}: HTTP {}", o.getKind(), o.getMetadata().getName(), revert ? "revert" : "retain",
            e.getCode());
      }
    }
  }

  private List<HasMetadata> generated() {
    String selector = Labels.MANAGED_BY + "=" + Labels.MANAGER;
    List<HasMetadata> out = new ArrayList<>();
    out.addAll(client.secrets().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems());
    out.addAll(client.services().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems());
    out.addAll(client.apps().statefulSets().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems());
    out.addAll(client.network().v1().networkPolicies().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER)
        .list().getItems());
    out.addAll(client.policy().v1().podDisruptionBudget().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER)
        .list().getItems());
    out.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
        .withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems());
    for (GenericKubernetesResource es : NamespaceSnapshot.externalSecrets(client, ns)) {
      if (Labels.isManaged(es)) {
        out.add(es);
      }
    }
    LOG.debug("cleanup of {} generated objects with selector {}", out.size(), selector);
    return out;
  }

  private void dropOwner(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    if (refs == null) {
      return;
    }
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (profile.getMetadata().getUid().equals(refs.get(i).getUid())) {
        ops.addObject().put("op", "remove").put("path", "/metadata/ownerReferences/" + i);
      }
    }
    if (!ops.isEmpty()) {
      writer.jsonPatch(o, ops);
    }
  }

  private void delete(HasMetadata o) {
    client.genericKubernetesResources(o.getApiVersion(), o.getKind()).inNamespace(ns)
        .withName(o.getMetadata().getName()).delete();
  }

  /** Source Deployments get their replicas back before their StatefulSets are deleted. */
  private void restoreDeployments() {
    for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
      Map<String, String> a = d.getMetadata().getAnnotations();
      if (a == null || !a.containsKey(Labels.PROMOTED_TO)) {
        continue;
      }
      ArrayNode ops = JsonNodeFactory.instance.arrayNode();
      ops.addObject().put("op", "replace").put("path", "/spec/replicas")
          .put("value", Integer.parseInt(a.getOrDefault(Labels.ORIGINAL_REPLICAS, "1")));
      ops.addObject().put("op", "remove").put("path", "/metadata/annotations/" + escape(Labels.PROMOTED_TO));
      if (a.containsKey(Labels.ORIGINAL_REPLICAS)) {
        ops.addObject().put("op", "remove").put("path", "/metadata/annotations/" + escape(Labels.ORIGINAL_REPLICAS));
      }
      writer.jsonPatch(d, ops);
    }
  }

  /** Keys scrubbed from a ConfigMap come back from the Secret they moved to (Secret mode). */
  private void restoreConfigMapKeys() {
    for (Secret s : client.secrets().inNamespace(ns).withLabel(Labels.MANAGED_BY, Labels.MANAGER).list().getItems()) {
      String source = s.getMetadata().getAnnotations() == null ? null
          : s.getMetadata().getAnnotations().get(Labels.PREFIX + "source");
      if (source == null || !source.startsWith("ConfigMap/") || s.getData() == null) {
        continue;
      }
      ConfigMap cm = client.configMaps().inNamespace(ns).withName(source.substring("ConfigMap/".length())).get();
      if (cm == null) {
        continue;
      }
      ArrayNode ops = JsonNodeFactory.instance.arrayNode();
      if (cm.getData() == null) {
        ops.addObject().put("op", "add").put("path", "/data").putObject("value");
      }
      s.getData().forEach((k, v) -> {
        if (cm.getData() == null || !cm.getData().containsKey(k)) {
          ops.addObject().put("op", "add").put("path", "/data/" + escape(k))
              .put("value", new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
        }
      });
      if (ops.size() > (cm.getData() == null ? 1 : 0)) {
        writer.jsonPatch(cm, ops);
      }
    }
  }

  /** Server-side apply of nothing: the API server removes every field envprofile-operator applied. */
  private void releaseAppliedFields() {
    List<HasMetadata> users = new ArrayList<>();
    users.addAll(client.apps().deployments().inNamespace(ns).list().getItems());
    users.addAll(client.apps().daemonSets().inNamespace(ns).list().getItems());
    users.addAll(client.batch().v1().cronjobs().inNamespace(ns).list().getItems());
    users.addAll(client.network().v1().ingresses().inNamespace(ns).list().getItems());
    users.addAll(client.configMaps().inNamespace(ns).list().getItems());
    for (HasMetadata o : users) {
      boolean applied = o.getMetadata().getManagedFields() != null && o.getMetadata().getManagedFields().stream()
          .anyMatch(m -> Labels.MANAGER.equals(m.getManager()) && "Apply".equals(m.getOperation()));
      if (applied && !Labels.isManaged(o)) {
        ObjectNode empty = Trees.identity(o);
        try {
          writer.apply(empty);
        } catch (KubernetesClientException e) {
          LOG.warn("cannot release fields of {}/{}: HTTP {}", o.getKind(), o.getMetadata().getName(), e.getCode());
        }
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
