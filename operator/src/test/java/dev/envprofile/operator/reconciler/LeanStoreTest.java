package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeanStoreTest {
  @Test
  void theCacheKeepsTheOperatorsManagedFieldsAndEveryAnnotationButKubectlsCopy() {
    ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("app").withNamespace("shop")
        .withAnnotations(Map.of(LeanStore.LAST_APPLIED, "{\"kind\":\"ConfigMap\"}", "team", "payments"))
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl-client-side-apply").build(),
            new ManagedFieldsEntryBuilder().withManager(Labels.MANAGER).withOperation("Apply").build(),
            new ManagedFieldsEntryBuilder().withManager("argocd-controller").build())
        .endMetadata().withData(Map.of("LOG_LEVEL", "info")).build();
    LeanStore<ConfigMap> store = new LeanStore<>();
    store.put(store.getKey(cm), cm);

    ConfigMap cached = store.get("shop/app");
    assertThat(cached.getMetadata().getManagedFields()).extracting(m -> m.getManager()).containsExactly(Labels.MANAGER);
    assertThat(cached.getMetadata().getAnnotations()).containsOnlyKeys("team");
    assertThat(cached.getData()).containsEntry("LOG_LEVEL", "info");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.remove("shop/app")).isSameAs(cached);
    assertThat(store.size()).isZero();
  }
}
