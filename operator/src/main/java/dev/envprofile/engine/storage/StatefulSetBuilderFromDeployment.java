package dev.envprofile.engine.storage;

import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The StatefulSet that replaces a Deployment: same name, labels, selector and pod template, with
 * claim templates for its data volumes. Tracking metadata of GitOps tools is not copied: the
 * StatefulSet is not in their source, and a copied tracking id would make them prune it.
 */
public final class StatefulSetBuilderFromDeployment {
  private static final List<String> DROPPED_PREFIXES = List.of("deployment.kubernetes.io/",
      "kubectl.kubernetes.io/last-applied-configuration", "argocd.argoproj.io/", "kustomize.toolkit.fluxcd.io/",
      "helm.toolkit.fluxcd.io/", "meta.helm.sh/");

  private StatefulSetBuilderFromDeployment() {}

  public static StatefulSet build(Deployment d, String name, String serviceName, PodTemplateSpec template,
                                  List<PersistentVolumeClaim> claims) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(d.getMetadata().getNamespace());
    meta.setLabels(filtered(d.getMetadata().getLabels()));
    Map<String, String> annotations = filtered(d.getMetadata().getAnnotations());
    annotations.put(Labels.PROMOTED_FROM, "Deployment/" + d.getMetadata().getName());
    meta.setAnnotations(annotations);
    StatefulSetSpec spec = new StatefulSetSpec();
    spec.setReplicas(d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas());
    spec.setSelector(Copies.deep(d.getSpec().getSelector()));
    spec.setServiceName(serviceName);
    spec.setTemplate(template);
    spec.setVolumeClaimTemplates(claims);
    spec.setMinReadySeconds(d.getSpec().getMinReadySeconds());
    spec.setRevisionHistoryLimit(d.getSpec().getRevisionHistoryLimit());
    // Written out: nothing a promotion does may delete a claim, whatever the cluster's default.
    spec.setPersistentVolumeClaimRetentionPolicy(new StatefulSetPersistentVolumeClaimRetentionPolicy("Retain", "Retain"));
    StatefulSet s = new StatefulSet();
    s.setApiVersion("apps/v1");
    s.setKind("StatefulSet");
    s.setMetadata(meta);
    s.setSpec(spec);
    return s;
  }

  public static PersistentVolumeClaim claimTemplate(String volume, List<String> accessModes, String storageClass, String size) {
    PersistentVolumeClaimBuilder b = new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(volume).endMetadata()
        .withNewSpec().withAccessModes(new ArrayList<>(accessModes))
        .withNewResources().addToRequests("storage", new Quantity(dev.envprofile.engine.workload.Quantities.canonical(size))).endResources()
        .endSpec();
    PersistentVolumeClaim c = b.build();
    if (storageClass != null && !storageClass.isEmpty()) {
      c.getSpec().setStorageClassName(storageClass);
    }
    // apiVersion and kind stay: the API server stores claim templates with them, and so a rendered
    // StatefulSet diffs clean against the live one.
    return c;
  }

  private static Map<String, String> filtered(Map<String, String> in) {
    Map<String, String> out = new LinkedHashMap<>();
    if (in != null) {
      in.forEach((k, v) -> {
        if (DROPPED_PREFIXES.stream().noneMatch(k::startsWith)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }
}
