package dev.envprofile.operator.reconciler;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * triggers a reconcile. Which kinds, and how, is declared in {@link Kinds}: Secrets are watched
 * only when the operator generated them (the others are read per reconcile, so the cache never
 * holds every Secret of the cluster), ExternalSecrets are only read.
 */
public final class WatchedKinds {
  /** The kinds with an informer over all their objects ({@link Kind.Watch#ALL}), from the registry. */
  public static final List<Class<? extends HasMetadata>> KINDS = Kinds.informed().stream()
      .filter(k -> k.watch() == Kind.Watch.ALL).<Class<? extends HasMetadata>>map(Kind::model).toList();

  private WatchedKinds() {}

  public static List<EventSource<?, EnvironmentProfile>> eventSources(EventSourceContext<EnvironmentProfile> ctx) {
    List<EventSource<?, EnvironmentProfile>> out = new ArrayList<>();
    for (Kind kind : Kinds.informed()) {
      out.add(source(kind.model(), ctx, kind.watch() == Kind.Watch.MANAGED_ONLY
          ? Labels.MANAGED_BY + "=" + Labels.MANAGER : null));
    }
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
    // By the cache's namespace index: called for every change of every watched object.
    return ctx.getPrimaryCache().byIndex(io.fabric8.kubernetes.client.informers.cache.Cache.NAMESPACE_INDEX, namespace)
        .stream().map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
