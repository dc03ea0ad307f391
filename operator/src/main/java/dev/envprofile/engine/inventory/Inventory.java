package dev.envprofile.engine.inventory;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
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
  /** Per-kind lists and Service/workload matches, built on first use: checks ask for them per object. */
  private final Map<Class<?>, List<?>> byType = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, List<Workload>> byLabel = new java.util.HashMap<>();
  private final Map<Service, List<Workload>> backends = new java.util.IdentityHashMap<>();
  private final Map<Workload, List<Service>> servicesOf = new java.util.IdentityHashMap<>();
  private Map<Workload, PodDisruptionBudget> budgets;
  private final java.util.Set<Workload> selectedSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

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
    selectedSet.addAll(sel);
    for (Workload w : workloads) {
      for (Map.Entry<String, String> e : w.podLabels().entrySet()) {
        byLabel.computeIfAbsent(e.getKey() + "=" + e.getValue(), k -> new ArrayList<>()).add(w);
      }
    }
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
    return selectedSet.contains(w);
  }

  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return (List<T>) byType.computeIfAbsent(type, t -> {
      List<T> out = new ArrayList<>();
      for (HasMetadata o : objects) {
        if (type.isInstance(o)) {
          out.add(type.cast(o));
        }
      }
      return Collections.unmodifiableList(out);
    });
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

  /**
   * The first PodDisruptionBudget (in namespace order) whose non-empty selector picks the
   * workload's pods, or null. Indexed once: asking per workload and per budget is quadratic.
   */
  public PodDisruptionBudget budgetOf(Workload w) {
    if (budgets == null) {
      budgets = new java.util.IdentityHashMap<>();
      for (PodDisruptionBudget p : disruptionBudgets()) {
        LabelSelector sel = p.getSpec() == null ? null : p.getSpec().getSelector();
        boolean empty = sel == null || (sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
            && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty());
        if (empty) {
          continue;
        }
        List<Workload> candidates = workloads;
        if (sel.getMatchLabels() != null && !sel.getMatchLabels().isEmpty()) {
          Map.Entry<String, String> first = sel.getMatchLabels().entrySet().iterator().next();
          candidates = byLabel.getOrDefault(first.getKey() + "=" + first.getValue(), List.of());
        }
        for (Workload c : candidates) {
          if (!budgets.containsKey(c) && Selectors.matches(sel, c.podLabels())) {
            budgets.put(c, p);
          }
        }
      }
    }
    return budgets.get(w);
  }

  /** Services whose selector picks this workload's pods. */
  public List<Service> servicesOf(Workload w) {
    if (servicesOf.isEmpty() && !workloads.isEmpty()) {
      for (Workload x : workloads) {
        servicesOf.put(x, new ArrayList<>());
      }
      for (Service s : services()) {
        for (Workload b : backendsOf(s)) {
          servicesOf.get(b).add(s);
        }
      }
    }
    return servicesOf.getOrDefault(w, List.of());
  }

  /**
   * Workloads (selected or not) whose pods a Service selects. Candidates come from the label index
   * (the workloads carrying one of the selector's pairs), so a namespace of thousands stays linear.
   */
  public List<Workload> backendsOf(Service s) {
    return backends.computeIfAbsent(s, svc -> {
      List<Workload> out = new ArrayList<>();
      Map<String, String> sel = svc.getSpec() == null ? null : svc.getSpec().getSelector();
      if (sel == null || sel.isEmpty()) {
        return out;
      }
      List<Workload> candidates = null;
      for (Map.Entry<String, String> e : sel.entrySet()) {
        List<Workload> l = byLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
        if (candidates == null || l.size() < candidates.size()) {
          candidates = l;
        }
      }
      for (Workload w : candidates) {
        if (Selectors.selects(sel, w.podLabels())) {
          out.add(w);
        }
      }
      return out;
    });
  }
}
