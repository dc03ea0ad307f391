package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ClusterRoleBindings the snapshot keeps, and what stands in when they cannot be listed. */
@EnableKubernetesMockClient
class ClusterBindingsTest {
  private static final String PATH = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings";
  KubernetesMockServer server;
  KubernetesClient client;

  private static ClusterRoleBinding binding(String name, String ns, String account) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
        .addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(ns).endSubject().build();
  }

  @Test
  void onlyBindingsThatNameAnAccountOfTheNamespaceAreKept() {
    server.expect().get().withPath(PATH).andReturn(200, new ClusterRoleBindingListBuilder()
        .addToItems(binding("shop-reader", "shop", "default"), binding("other", "billing", "default")).build()).once();
    List<HasMetadata> kept = NamespaceSnapshot.clusterBindings(client, "shop", List.of());
    assertThat(kept).extracting(o -> o.getMetadata().getName()).containsExactly("shop-reader");
  }

  @Test
  void unreadableBindingsCountAsBindingEveryAccountOfTheNamespace() {
    server.expect().get().withPath(PATH).andReturn(403, "{}").once();
    List<HasMetadata> sas = List.of(new ServiceAccountBuilder().withNewMetadata().withName("api").endMetadata().build());
    List<HasMetadata> kept = NamespaceSnapshot.clusterBindings(client, "shop", sas);
    assertThat(kept).singleElement().satisfies(o -> {
      ClusterRoleBinding b = (ClusterRoleBinding) o;
      assertThat(b.getMetadata().getName()).isEqualTo(NamespaceSnapshot.UNREADABLE_BINDINGS);
      assertThat(b.getSubjects()).extracting(s -> s.getNamespace() + "/" + s.getName())
          .containsExactlyInAnyOrder("shop/default", "shop/api");
    });
  }
}
