package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds a profile reads, each watched by an informer whose events map to the profile of the
 * object's namespace: a change anywhere in the namespace (a new Deployment, a new ConfigMap key)
 * triggers a reconcile. Secrets are watched only when the operator generated them; the others
 * are read per reconcile, so the cache never holds every Secret of the cluster.
 */
public final class WatchedKinds {
  public static final List<Class<? extends HasMetadata>> KINDS = List.of(Deployment.class, StatefulSet.class,
      DaemonSet.class, Job.class, CronJob.class, ConfigMap.class, Service.class, Ingress.class,
      PersistentVolumeClaim.class, NetworkPolicy.class, PodDisruptionBudget.class, HorizontalPodAutoscaler.class);

  private WatchedKinds() {}

  public static List<EventSource<?, EnvironmentProfile>> eventSources(EventSourceContext<EnvironmentProfile> ctx) {
    List<EventSource<?, EnvironmentProfile>> out = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : KINDS) {
      out.add(source(kind, ctx, null));
    }
    out.add(source(Secret.class, ctx, Labels.MANAGED_BY + "=" + Labels.MANAGER));
    return out;
  }

  private static <R extends HasMetadata> InformerEventSource<R, EnvironmentProfile> source(
      Class<R> kind, EventSourceContext<EnvironmentProfile> ctx, String labelSelector) {
    var builder = InformerEventSourceConfiguration.from(kind, EnvironmentProfile.class)
        .withName(kind.getSimpleName())
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper(o -> profilesIn(ctx, o.getMetadata().getNamespace()))
        .withOnUpdateFilter(RelevantUpdates::matter);
    if (ctx.getControllerConfiguration().getInformerConfig().getNamespaces().size() <= 1) {
      // One store per source: with a list of namespaces the framework runs one informer per namespace
      // on the same store, and each relist removed the other namespaces' objects from it (objects of
      // one namespace vanished from the cache and were written again on every pass).
      builder.withItemStore(new LeanStore<>());
    }
    if (labelSelector != null) {
      builder.withLabelSelector(labelSelector);
    }
    return new InformerEventSource<>(builder.build(), ctx);
  }

  static Set<ResourceID> profilesIn(EventSourceContext<EnvironmentProfile> ctx, String namespace) {
    return ctx.getPrimaryCache().list(namespace).map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
