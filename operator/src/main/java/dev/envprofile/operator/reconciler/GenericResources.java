package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Generic resources of the kinds the registry knows, addressed by their plural: the client's
 * {@code genericKubernetesResources(apiVersion, kind)} asks the API server's discovery for the
 * plural on every call (one GET of /apis/external-secrets.io/v1 per reconcile in the scale
 * benchmark). A kind the registry does not know is still resolved by discovery; built-in kinds
 * never needed it.
 */
final class GenericResources {
  private GenericResources() {}

  static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> of(
      KubernetesClient client, String apiVersion, String kind) {
    Kind known = Kinds.of(kind);
    // Kinds with a model class the client resolves itself; those without (CRDs) went to discovery.
    if (known != null && known.model() == null && known.apiVersion().equals(apiVersion) && known.plural() != null) {
      return client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(known.group())
          .withVersion(known.version()).withKind(known.name()).withPlural(known.plural())
          .withNamespaced(!known.clusterScoped()).build());
    }
    return client.genericKubernetesResources(apiVersion, kind);
  }
}
