package dev.envprofile.engine.inventory;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one namespace, indexed for the lookups every check and rewrite needs. Built once
 * per stage; holds references, not copies.
 */
public final class Inventory {
  private final String namespace;
  private final List<HasMetadata> objects;
  private final Map<ObjectRef, HasMetadata> byRef = new LinkedHashMap<>();
  private final List<Workload> workloads;
  private final List<Workload> selected;

  private Inventory(String namespace, List<HasMetadata> objects, LabelSelector selector) {
    this.namespace = namespace;
    this.objects = Collections.unmodifiableList(new ArrayList<>(objects));
    for (HasMetadata o : objects) {
      byRef.put(refOf(o), o);
    }
    this.workloads = List.copyOf(Workload.in(objects));
    List<Workload> sel = new ArrayList<>();
    for (Workload w : workloads) {
      if (!Labels.isIgnored(w.object()) && Selectors.matches(selector, w.labels())) {
        sel.add(w);
      }
    }
    this.selected = List.copyOf(sel);
  }

  /** {@code objects} must already be limited to the profile's namespace (and cluster-scoped ones). */
  public static Inventory of(String namespace, List<HasMetadata> objects, LabelSelector selector) {
    return new Inventory(namespace, objects, selector);
  }

  public String namespace() {
    return namespace;
  }

  public List<HasMetadata> objects() {
    return objects;
  }

  public HasMetadata get(String kind, String name) {
    return byRef.get(new ObjectRef(kind, namespace, name));
  }

  /** The object's reference in this namespace: objects written without a namespace belong to it. */
  public ObjectRef refOf(HasMetadata o) {
    return new ObjectRef(o.getKind(), namespace, o.getMetadata().getName());
  }

  public ObjectRef refOf(Workload w) {
    return refOf(w.object());
  }

  public HasMetadata get(ObjectRef ref) {
    return byRef.get(new ObjectRef(ref.kind(), namespace, ref.name()));
  }

  /** Every workload, selected or not. */
  public List<Workload> allWorkloads() {
    return workloads;
  }

  /** Workloads the profile manages: matching its selector and not annotated envprofile.dev/ignore. */
  public List<Workload> workloads() {
    return selected;
  }

  public boolean isSelected(Workload w) {
    return selected.contains(w);
  }

  public <T extends HasMetadata> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  public ConfigMap configMap(String name) {
    return get("ConfigMap", name) instanceof ConfigMap c ? c : null;
  }

  public Secret secret(String name) {
    return get("Secret", name) instanceof Secret s ? s : null;
  }

  public Service service(String name) {
    return get("Service", name) instanceof Service s ? s : null;
  }

  public PersistentVolumeClaim claim(String name) {
    return get("PersistentVolumeClaim", name) instanceof PersistentVolumeClaim c ? c : null;
  }

  public List<ConfigMap> configMaps() {
    return all(ConfigMap.class);
  }

  public List<Secret> secrets() {
    return all(Secret.class);
  }

  public List<Service> services() {
    return all(Service.class);
  }

  public List<Ingress> ingresses() {
    return all(Ingress.class);
  }

  public List<NetworkPolicy> networkPolicies() {
    return all(NetworkPolicy.class);
  }

  public List<PodDisruptionBudget> disruptionBudgets() {
    return all(PodDisruptionBudget.class);
  }

  public List<HorizontalPodAutoscaler> autoscalers() {
    return all(HorizontalPodAutoscaler.class);
  }

  /** Services whose selector picks this workload's pods. */
  public List<Service> servicesOf(Workload w) {
    List<Service> out = new ArrayList<>();
    for (Service s : services()) {
      if (s.getSpec() != null && Selectors.selects(s.getSpec().getSelector(), w.podLabels())) {
        out.add(s);
      }
    }
    return out;
  }

  /** Workloads (selected or not) whose pods a Service selects. */
  public List<Workload> backendsOf(Service s) {
    List<Workload> out = new ArrayList<>();
    if (s.getSpec() == null) {
      return out;
    }
    for (Workload w : workloads) {
      if (Selectors.selects(s.getSpec().getSelector(), w.podLabels())) {
        out.add(w);
      }
    }
    return out;
  }
}
