package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Copies;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace as the reconciler found it: the live objects (from the informers' caches, Secrets
 * and ExternalSecrets read directly) and the user's view of them that the engine gets, with the
 * operator's own cutover undone (a source Deployment shows its original replicas), so that the
 * engine decides from the same input as `promote` run on the Git manifests.
 */
public final class NamespaceSnapshot implements dev.envprofile.engine.plan.LiveObjects {

  private final Map<ObjectRef, HasMetadata> live = new LinkedHashMap<>();
  private final List<HasMetadata> userView = new ArrayList<>();
  private final String namespace;

  private NamespaceSnapshot(String namespace, List<HasMetadata> objects) {
    this.namespace = namespace;
    objects.sort(Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(o -> o.getMetadata().getName()));
    for (HasMetadata o : objects) {
      live.put(new ObjectRef(o.getKind(), namespace, o.getMetadata().getName()), o);
      if (!RevertLog.isRevertLog(o)) {
        userView.add(userView(o)); // the operator's bookkeeping is not the user's namespace
      }
    }
  }

  public static NamespaceSnapshot gather(EnvironmentProfile profile, Context<EnvironmentProfile> ctx) {
    String ns = profile.getMetadata().getNamespace();
    List<HasMetadata> objects = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : WatchedKinds.KINDS) {
      // Straight from the informer's cache by namespace: secondary-to-primary mappings are made when
      // an object changes, so objects older than the profile would not be associated with it.
      cached(ctx, kind, ns).forEach(objects::add);
    }
    // Kinds not cached whole (Secrets: only the operator's are; ExternalSecrets: not at all) are listed.
    KubernetesClient client = ctx.getClient();
    for (Kind kind : Kinds.ALL_KINDS) {
      if (kind.clusterScoped()) {
        objects.addAll(clusterBindings(client, ns, objects));
      } else if (kind.watch() != Kind.Watch.ALL) {
        objects.addAll(listed(client, kind, ns));
      }
    }
    return new NamespaceSnapshot(ns, objects);
  }

  /**
   * The namespace read straight from the API server, with no informer (the CLI's {@code --namespace}):
   * every namespaced kind of the registry listed in {@code ns} only (never every Secret of the
   * cluster), the ClusterRoleBindings as {@link #gather} reads them, and the same user view. Read-only.
   */
  public static NamespaceSnapshot read(KubernetesClient client, String ns) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Kind kind : Kinds.namespaced()) {
      listed(client, kind, ns).stream().filter(o -> o.getMetadata().getDeletionTimestamp() == null)
          .forEach(objects::add);
    }
    objects.addAll(clusterBindings(client, ns, objects));
    return new NamespaceSnapshot(ns, objects);
  }

  private static List<? extends HasMetadata> listed(KubernetesClient client, Kind kind, String ns) {
    return kind.model() != null ? client.resources(kind.model()).inNamespace(ns).list().getItems()
        : generic(client, kind, ns);
  }

  @SuppressWarnings("unchecked")
  private static <R extends HasMetadata> java.util.stream.Stream<R> cached(Context<EnvironmentProfile> ctx, Class<R> kind,
                                                                         String ns) {
    var source = (io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource<R, EnvironmentProfile>)
        ctx.eventSourceRetriever().getEventSourceFor(kind, kind.getSimpleName());
    // The cache's namespace index: the framework's list(ns) copies and scans every object of the kind
    // in the cluster, which made each reconcile cost as much as the cluster is large.
    return source.byIndex(io.fabric8.kubernetes.client.informers.cache.Cache.NAMESPACE_INDEX, ns).stream()
        .filter(o -> o.getMetadata().getDeletionTimestamp() == null);
  }

  /** What a ClusterRoleBinding that could not be read stands for: every account of the namespace bound. */
  static final String UNREADABLE_BINDINGS = "envprofile-clusterrolebindings-unreadable";

  /**
   * The ClusterRoleBindings that name a service account of the namespace: an account they bind
   * uses its token. When the operator may not list them, one binding that names every account of
   * the namespace stands in: keeping a token is the safe mistake, turning off one in use breaks the
   * application.
   */
  static List<HasMetadata> clusterBindings(KubernetesClient client, String ns, List<HasMetadata> namespaceObjects) {
    List<HasMetadata> out = new ArrayList<>();
    try {
      for (ClusterRoleBinding b : client.rbac().clusterRoleBindings().list().getItems()) {
        if (b.getSubjects() != null && b.getSubjects().stream().anyMatch(
            x -> "ServiceAccount".equals(x.getKind()) && ns.equals(x.getNamespace()))) {
          out.add(b);
        }
      }
    } catch (KubernetesClientException e) {
      ClusterRoleBindingBuilder stand = new ClusterRoleBindingBuilder().withNewMetadata().withName(UNREADABLE_BINDINGS)
          .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "unknown").addNewSubject()
          .withKind("ServiceAccount").withName("default").withNamespace(ns).endSubject();
      namespaceObjects.stream().filter(o -> o instanceof ServiceAccount).forEach(sa -> stand.addNewSubject()
          .withKind("ServiceAccount").withName(sa.getMetadata().getName()).withNamespace(ns).endSubject());
      out.add(stand.build());
    }
    return out;
  }

  /** For tests: a snapshot of given objects. */
  public static NamespaceSnapshot of(String namespace, List<HasMetadata> objects) {
    return new NamespaceSnapshot(namespace, new ArrayList<>(objects));
  }

  static List<GenericKubernetesResource> generic(KubernetesClient client, Kind kind, String ns) {
    try {
      return GenericResources.of(client, kind.apiVersion(), kind.name()).inNamespace(ns).list().getItems();
    } catch (KubernetesClientException e) {
      return List.of(); // the kind's CRD (External Secrets) is not installed
    }
  }

  /** Every live object of the namespace that the snapshot holds. */
  @Override
  public java.util.Collection<HasMetadata> all() {
    return java.util.Collections.unmodifiableCollection(live.values());
  }

  @Override
  public HasMetadata get(String kind, String name) {
    return live.get(new ObjectRef(kind, namespace, name));
  }

  public HasMetadata live(ObjectRef ref) {
    return live.get(ref);
  }

  public HasMetadata live(String kind, String namespace, String name) {
    return live.get(new ObjectRef(kind, namespace, name));
  }

  public List<HasMetadata> userView() {
    return userView;
  }

  private static HasMetadata userView(HasMetadata o) {
    if (o instanceof Deployment d && dev.envprofile.engine.PromotedTo.present(d)) {
      Deployment copy = Copies.deep(d);
      Map<String, String> a = new LinkedHashMap<>(copy.getMetadata().getAnnotations());
      String original = a.remove(Labels.ORIGINAL_REPLICAS);
      a.remove(Labels.PROMOTED_TO);
      copy.getMetadata().setAnnotations(a.isEmpty() ? null : a);
      if (original != null) {
        copy.getSpec().setReplicas(dev.envprofile.engine.PromotedTo.originalReplicas(original));
      }
      return copy;
    }
    return o;
  }
}
