package dev.envprofile.engine.storage;

import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.PromotedTo;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Deployments that keep data on emptyDir, or run a server with no volume at its data directory,
 * become StatefulSets with volumeClaimTemplates. Existing StatefulSets are reported, not changed:
 * their claim templates are immutable.
 */
public final class StorageRewrite implements Rewrite {
  /** Servers that refuse to initialise in a non-empty directory (a fresh volume's lost+found). */
  private static final Set<String> NEED_EMPTY_DIR = Set.of("postgres", "mysql", "mariadb");

  @Override
  public void apply(WorkingSet ws) {
    Settings.Storage st = ws.settings().storage();
    if (!st.convertEmptyDir()) {
      return;
    }
    for (Workload w : List.copyOf(ws.inventory().workloads())) {
      if (w.object() instanceof Deployment d) {
        convert(ws, w, d, st);
      }
    }
  }

  private static void convert(WorkingSet ws, Workload w, Deployment d, Settings.Storage st) {
    Inventory inv = ws.inventory();
    StorageFacts sf = ws.facts().storage();
    List<String> data = sf.dataEmptyDirs(w);
    StorageFacts.Server server = sf.server(w);
    boolean addDataVolume = server != null && !server.hasVolume() && server.dataDir() != null;
    if (data.isEmpty() && !addDataVolume) {
      return;
    }
    String name = Names.fit(d.getMetadata().getName(), "", Names.STATEFULSET);
    String size = w.annotation(Labels.STORAGE_SIZE) != null ? w.annotation(Labels.STORAGE_SIZE) : st.size();
    PodTemplateSpec template = Copies.deep(w.template());
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    for (String volume : data) {
      claims.add(StatefulSetBuilderFromDeployment.claimTemplate(volume, st.accessModes(), st.storageClassName(), size));
      template.getSpec().getVolumes().removeIf(v -> v.getName().equals(volume));
    }
    String dataVolume = null;
    Container target = server == null ? null : template.getSpec().getContainers().stream()
        .filter(x -> x.getName().equals(server.container().getName())).findFirst().orElse(null);
    if (addDataVolume && target != null && target.getVolumeMounts() != null
        && target.getVolumeMounts().stream().anyMatch(m -> server.dataDir().equals(m.getMountPath()))) {
      addDataVolume = false; // something is mounted there already: never two mounts at one path
    }
    if (addDataVolume) {
      dataVolume = freeVolumeName(template);
      claims.add(StatefulSetBuilderFromDeployment.claimTemplate(dataVolume, st.accessModes(), st.storageClassName(), size));
      Container c = template.getSpec().getContainers().stream()
          .filter(x -> x.getName().equals(server.container().getName())).findFirst().orElseThrow();
      VolumeMount m = new VolumeMount();
      m.setName(dataVolume);
      m.setMountPath(server.dataDir());
      if (c.getVolumeMounts() == null) {
        c.setVolumeMounts(new ArrayList<>());
      }
      c.getVolumeMounts().add(m);
    }
    if (template.getSpec().getVolumes() != null && template.getSpec().getVolumes().isEmpty()) {
      template.getSpec().setVolumes(null);
    }
    if (server != null && NEED_EMPTY_DIR.contains(server.kind()) && server.dataDir() != null) {
      emptySubPath(template, server, data, dataVolume);
    }
    String serviceName = headlessService(ws, inv, w, name);
    if (serviceName == null) {
      return;
    }
    StatefulSet sts = StatefulSetBuilderFromDeployment.build(d, name, serviceName, template, claims);
    // The replaced Deployment leaves the output; in a cluster it stays, and these annotations tell
    // the operator where its pods went and how many to give back on Revert.
    java.util.Map<String, String> a = d.getMetadata().getAnnotations() == null
        ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(d.getMetadata().getAnnotations());
    a.put(Labels.PROMOTED_TO, new PromotedTo(name).value());
    a.put(Labels.ORIGINAL_REPLICAS, String.valueOf(d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas()));
    List<String> volumes = new ArrayList<>(data);
    if (dataVolume != null) {
      volumes.add(dataVolume + " at " + server.dataDir());
    }
    boolean replaced = ws.replace(d, sts, "ConvertedToStatefulSet", "Deployment/" + d.getMetadata().getName() + " becomes StatefulSet/" + name
        + " with volumeClaimTemplates " + String.join(", ", volumes) + " (" + size + " each), replicas kept at "
        + sts.getSpec().getReplicas());
    if (replaced) {
      d.getMetadata().setAnnotations(a);
    }
  }

  /**
   * A fresh volume may hold lost+found, and postgres and mysql refuse to initialise a non-empty
   * directory: their data goes one level down, in a subPath of the claim.
   */
  private static void emptySubPath(PodTemplateSpec template, StorageFacts.Server server, List<String> data, String added) {
    for (Container c : template.getSpec().getContainers()) {
      if (!c.getName().equals(server.container().getName()) || c.getVolumeMounts() == null) {
        continue;
      }
      for (VolumeMount m : c.getVolumeMounts()) {
        boolean converted = data.contains(m.getName()) || m.getName().equals(added);
        if (converted && server.dataDir().equals(m.getMountPath()) && (m.getSubPath() == null || m.getSubPath().isEmpty())
            && m.getSubPathExpr() == null) {
          m.setSubPath(server.kind());
        }
      }
    }
  }

  private static String freeVolumeName(PodTemplateSpec template) {
    List<String> taken = template.getSpec().getVolumes() == null ? List.of()
        : template.getSpec().getVolumes().stream().map(v -> v.getName()).toList();
    return taken.contains("data") ? "envprofile-data" : "data";
  }

  /** The existing headless Service of the pods, or a generated one; null when its name is taken. */
  private static String headlessService(WorkingSet ws, Inventory inv, Workload w, String name) {
    for (Service s : inv.servicesOf(w)) {
      if (s.getSpec() != null && "None".equals(s.getSpec().getClusterIP())) {
        return s.getMetadata().getName();
      }
    }
    String svc = Names.fit(name, "-headless", Names.DNS_LABEL);
    List<ServicePort> ports = new ArrayList<>();
    for (Container c : w.containers()) {
      if (c.getPorts() == null) {
        continue;
      }
      for (ContainerPort p : c.getPorts()) {
        if (p.getContainerPort() == null || ports.stream().anyMatch(x -> x.getPort().equals(p.getContainerPort()))) {
          continue;
        }
        ServicePort sp = new ServicePort();
        sp.setName(p.getName() != null ? p.getName() : "port-" + p.getContainerPort());
        sp.setPort(p.getContainerPort());
        sp.setTargetPort(new IntOrString(p.getContainerPort()));
        sp.setProtocol(p.getProtocol() == null ? "TCP" : p.getProtocol());
        ports.add(sp);
      }
    }
    Service headless = new ServiceBuilder()
        .withNewMetadata().withName(svc).withNamespace(inv.namespace())
        .withLabels(new LinkedHashMap<>(java.util.Map.of(Labels.MANAGED_BY, Labels.MANAGER))).endMetadata()
        .withNewSpec().withClusterIP("None").withSelector(w.selectorLabels()).withPorts(ports).endSpec().build();
    if (ports.isEmpty()) {
      headless.getSpec().setPorts(null);
    }
    return ws.generate(headless, "HeadlessServiceGenerated", "Service/" + svc + " gives StatefulSet/" + name
        + " stable pod names") ? svc : null;
  }
}
