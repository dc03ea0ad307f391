package dev.envprofile.engine.model;

import static dev.envprofile.engine.model.Kind.OnRevert.DELETE;
import static dev.envprofile.engine.model.Kind.OnRevert.DELETE_IF_UNREAD;
import static dev.envprofile.engine.model.Kind.OnRevert.KEEP;
import static dev.envprofile.engine.model.Kind.Watch.ALL;
import static dev.envprofile.engine.model.Kind.Watch.MANAGED_ONLY;
import static dev.envprofile.engine.model.Kind.Watch.READ_PER_RECONCILE;
import static dev.envprofile.engine.model.WritePhase.CREDENTIALS;
import static dev.envprofile.engine.model.WritePhase.GENERATED;
import static dev.envprofile.engine.model.WritePhase.POLICIES;
import static dev.envprofile.engine.model.WritePhase.USER_OBJECTS;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one declaration of every kind the product reads or writes. The operator's informers, the
 * write plan's phases, the order of generated objects in `promote` output, what a Revert removes,
 * which kinds are workloads, and the chart's RBAC rules (generated; a test fails when the
 * committed chart differs) all come from here. A new generated kind is one entry.
 *
 * <p>The order of the list is the order of generated objects in `promote` output, and of the
 * workload kinds in messages.
 */
public final class Kinds {
  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> READ_PATCH = List.of("get", "list", "watch", "patch");
  /** Generated kinds are created by server-side apply, patched, and deleted by prune or Revert. */
  private static final List<String> OWN = List.of("get", "list", "watch", "create", "patch", "delete");

  public static final List<Kind> ALL_KINDS = List.of(
      new Kind("Secret", "", "v1", "secrets", Secret.class, false, MANAGED_ONLY, CREDENTIALS, CREDENTIALS, false,
          DELETE_IF_UNREAD, OWN),
      new Kind("ExternalSecret", "external-secrets.io", "v1", "externalsecrets", null, false, READ_PER_RECONCILE,
          CREDENTIALS, CREDENTIALS, false, DELETE_IF_UNREAD, List.of("get", "list", "create", "patch", "delete")),
      new Kind("ConfigMap", "", "v1", "configmaps", ConfigMap.class, false, ALL, null, USER_OBJECTS, false, KEEP,
          READ_PATCH),
      new Kind("Service", "", "v1", "services", Service.class, false, ALL, GENERATED, USER_OBJECTS, false, DELETE, OWN),
      new Kind("Deployment", "apps", "v1", "deployments", Deployment.class, true, ALL, null, USER_OBJECTS, false, KEEP,
          READ_PATCH),
      new Kind("StatefulSet", "apps", "v1", "statefulsets", StatefulSet.class, true, ALL, GENERATED, USER_OBJECTS,
          false, DELETE, OWN),
      new Kind("NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies", NetworkPolicy.class, false, ALL,
          POLICIES, POLICIES, true, DELETE, OWN),
      new Kind("PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets", PodDisruptionBudget.class, false, ALL,
          POLICIES, POLICIES, true, DELETE, OWN),
      new Kind("HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers",
          HorizontalPodAutoscaler.class, false, ALL, POLICIES, POLICIES, true, DELETE, OWN),
      new Kind("DaemonSet", "apps", "v1", "daemonsets", DaemonSet.class, true, ALL, null, USER_OBJECTS, false, KEEP,
          READ_PATCH),
      new Kind("Job", "batch", "v1", "jobs", Job.class, true, ALL, null, USER_OBJECTS, false, KEEP, READ_PATCH),
      new Kind("CronJob", "batch", "v1", "cronjobs", CronJob.class, true, ALL, null, USER_OBJECTS, false, KEEP,
          READ_PATCH),
      new Kind("Ingress", "networking.k8s.io", "v1", "ingresses", Ingress.class, false, ALL, null, USER_OBJECTS, false,
          KEEP, READ_PATCH),
      // Read only: no promotion writes a claim, and none is ever deleted.
      new Kind("PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", PersistentVolumeClaim.class, false, ALL,
          null, null, false, KEEP, READ),
      // Read only: whether a pod's token is used (security.service-account-token) depends on them.
      new Kind("ServiceAccount", "", "v1", "serviceaccounts", ServiceAccount.class, false, ALL, null, null, false,
          KEEP, READ),
      new Kind("RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", RoleBinding.class, false, ALL, null,
          null, false, KEEP, READ),
      new Kind("ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings", ClusterRoleBinding.class,
          false, READ_PER_RECONCILE, null, null, false, KEEP, List.of("list"), true));

  private static final Map<String, Kind> BY_NAME = ALL_KINDS.stream()
      .collect(Collectors.toUnmodifiableMap(Kind::name, Function.identity()));

  /** Workload kinds, in declaration order: what the inventory treats as a workload. */
  public static final List<String> WORKLOADS = ALL_KINDS.stream().filter(Kind::workload).map(Kind::name).toList();

  private Kinds() {}

  /** The declaration of {@code kind}, or null for a kind the product does not know (passed through untouched). */
  public static Kind of(String kind) {
    return kind == null ? null : BY_NAME.get(kind);
  }

  /** Kinds watched by an informer of their own, each with its model class. */
  public static List<Kind> informed() {
    return ALL_KINDS.stream().filter(k -> k.watch() != Kind.Watch.READ_PER_RECONCILE && k.model() != null).toList();
  }

  /** Namespaced kinds, whose RBAC rules a Role of the watched namespace may grant. */
  public static List<Kind> namespaced() {
    return ALL_KINDS.stream().filter(k -> !k.clusterScoped()).toList();
  }

  /** Cluster-scoped kinds, read cluster-wide (a ClusterRole grants them). */
  public static List<Kind> clusterScoped() {
    return ALL_KINDS.stream().filter(Kind::clusterScoped).toList();
  }

  /** Where generated objects of {@code kind} go in `promote` output: by declaration, unknown kinds last. */
  public static int outputRank(String kind) {
    int i = ALL_KINDS.indexOf(of(kind));
    return i < 0 ? ALL_KINDS.size() : i;
  }

  /**
   * The phase of an object: generated ({@code managed}) or the user's; null for a kind the
   * operator never writes (claims, service accounts, bindings). Unknown kinds are user objects
   * (passed through by the engine, never in the live namespace, so never written either).
   */
  public static WritePhase phase(String kind, boolean managed) {
    Kind k = of(kind);
    return k == null ? USER_OBJECTS : k.phase(managed);
  }
}
