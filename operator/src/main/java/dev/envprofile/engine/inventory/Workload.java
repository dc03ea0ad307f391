package dev.envprofile.engine.inventory;

import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view over a Deployment, StatefulSet, DaemonSet, Job or CronJob: its pod template and replicas,
 * whatever the kind. Mutations go straight to the wrapped object.
 */
public final class Workload {
  public static final List<String> KINDS = dev.envprofile.engine.model.Kinds.WORKLOADS;

  private final HasMetadata object;
  /** Looked up once: checks ask for the pod template of every workload many times. */
  private final PodTemplateSpec template;

  private Workload(HasMetadata object) {
    this.object = object;
    this.template = find(object);
  }

  /** The workload view of {@code o}, or null when {@code o} is not a workload or has no pod template. */
  public static Workload of(HasMetadata o) {
    Workload w = new Workload(o);
    return w.template() != null && w.template().getSpec() != null ? w : null;
  }

  public HasMetadata object() {
    return object;
  }

  public String kind() {
    return object.getKind();
  }

  public String name() {
    return object.getMetadata().getName();
  }

  public String namespace() {
    return object.getMetadata().getNamespace();
  }

  public ObjectRef ref() {
    return ObjectRef.of(object);
  }

  public Map<String, String> annotations() {
    Map<String, String> a = object.getMetadata().getAnnotations();
    return a != null ? a : Map.of();
  }

  public Map<String, String> labels() {
    Map<String, String> l = object.getMetadata().getLabels();
    return l != null ? l : Map.of();
  }

  public String annotation(String key) {
    return annotations().get(key);
  }

  public PodTemplateSpec template() {
    return template;
  }

  private static PodTemplateSpec find(HasMetadata object) {
    if (object instanceof Deployment d) {
      return d.getSpec() == null ? null : d.getSpec().getTemplate();
    } else if (object instanceof StatefulSet s) {
      return s.getSpec() == null ? null : s.getSpec().getTemplate();
    } else if (object instanceof DaemonSet s) {
      return s.getSpec() == null ? null : s.getSpec().getTemplate();
    } else if (object instanceof Job j) {
      return j.getSpec() == null ? null : j.getSpec().getTemplate();
    } else if (object instanceof CronJob c) {
      return c.getSpec() == null || c.getSpec().getJobTemplate() == null || c.getSpec().getJobTemplate().getSpec() == null
          ? null : c.getSpec().getJobTemplate().getSpec().getTemplate();
    }
    return null;
  }

  public PodSpec pod() {
    return template().getSpec();
  }

  /** Labels of the pods, as Services and NetworkPolicies select them (never null). */
  public Map<String, String> podLabels() {
    Map<String, String> l = template().getMetadata() == null ? null : template().getMetadata().getLabels();
    return l != null ? l : Map.of();
  }

  /** The workload's own selector (Deployment, StatefulSet, DaemonSet, Job), or null. */
  public LabelSelector selector() {
    if (object instanceof Deployment d) {
      return d.getSpec().getSelector();
    } else if (object instanceof StatefulSet s) {
      return s.getSpec().getSelector();
    } else if (object instanceof DaemonSet s) {
      return s.getSpec().getSelector();
    } else if (object instanceof Job j) {
      return j.getSpec().getSelector();
    }
    return null;
  }

  /** Labels that select exactly this workload's pods: the selector's matchLabels, else the pod labels. */
  public Map<String, String> selectorLabels() {
    LabelSelector s = selector();
    if (s != null && s.getMatchLabels() != null && !s.getMatchLabels().isEmpty()) {
      return new LinkedHashMap<>(s.getMatchLabels());
    }
    return new LinkedHashMap<>(podLabels());
  }

  /** Deployments and StatefulSets have replicas; the others have none (null). */
  public Integer replicas() {
    if (object instanceof Deployment d) {
      return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    } else if (object instanceof StatefulSet s) {
      return s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    }
    return null;
  }

  public void setReplicas(int replicas) {
    if (object instanceof Deployment d) {
      d.getSpec().setReplicas(replicas);
    } else if (object instanceof StatefulSet s) {
      s.getSpec().setReplicas(replicas);
    } else {
      throw new IllegalStateException(kind() + " has no replicas");
    }
  }

  /** Serves until stopped (probes, disruption budgets and spread apply), unlike Jobs and CronJobs. */
  public boolean isLongRunning() {
    return object instanceof Deployment || object instanceof StatefulSet || object instanceof DaemonSet;
  }

  public List<Container> containers() {
    List<Container> c = pod().getContainers();
    return c != null ? c : List.of();
  }

  public List<Container> initContainers() {
    List<Container> c = pod().getInitContainers();
    return c != null ? c : List.of();
  }

  /** Init containers first, then containers: every container that runs. */
  public List<Container> allContainers() {
    List<Container> init = initContainers();
    List<Container> main = containers();
    // Checks ask for this many times per workload; rewrites may replace the lists, so the cache
    // holds only while both lists are the same instances and sizes.
    if (all == null || init != cachedInit || main != cachedMain || cachedSize != init.size() + main.size()) {
      List<Container> both = new java.util.ArrayList<>(init.size() + main.size());
      both.addAll(init);
      both.addAll(main);
      all = java.util.Collections.unmodifiableList(both);
      cachedInit = init;
      cachedMain = main;
      cachedSize = init.size() + main.size();
    }
    return all;
  }

  private List<Container> all;
  private List<Container> cachedInit;
  private List<Container> cachedMain;
  private int cachedSize;

  /** The pod template's labels, created when missing. */
  public Map<String, String> mutablePodLabels() {
    if (template().getMetadata() == null) {
      template().setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    if (template().getMetadata().getLabels() == null) {
      template().getMetadata().setLabels(new LinkedHashMap<>());
    }
    return template().getMetadata().getLabels();
  }

  public static List<Workload> in(List<HasMetadata> objects) {
    List<Workload> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (KINDS.contains(o.getKind()) && !runOfCronJob(o)) {
        Workload w = of(o);
        if (w != null) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /**
   * A Job its CronJob created: one run of the CronJob, which is the workload (its checks, rewrites
   * and NetworkPolicy cover the run's pods). As a workload of its own every run would get a policy,
   * and its immutable template would be reported again and again.
   */
  static boolean runOfCronJob(HasMetadata o) {
    return "Job".equals(o.getKind()) && o.getMetadata() != null && o.getMetadata().getOwnerReferences() != null
        && o.getMetadata().getOwnerReferences().stream()
            .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && "CronJob".equals(r.getKind()));
  }

  @Override
  public String toString() {
    return ref().shortName();
  }
}
