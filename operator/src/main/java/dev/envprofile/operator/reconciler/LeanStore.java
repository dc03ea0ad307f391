package dev.envprofile.operator.reconciler;

import dev.envprofile.engine.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * An informer cache that keeps objects lean: other field managers' managedFields entries and
 * kubectl's last-applied-configuration annotation (a second copy of the whole object) are dropped
 * on the way in. Reconciles read neither: the Applier reads only the operator's own managedFields
 * entry, and whatever releases other managers' fields reads the object fresh from the API. With
 * 10,000 watched objects this is about a third of the heap.
 */
final class LeanStore<R extends HasMetadata> implements ItemStore<R> {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private final BasicItemStore<R> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

  @Override
  public String getKey(R obj) {
    return store.getKey(obj);
  }

  @Override
  public R put(String key, R obj) {
    return store.put(key, trim(obj));
  }

  @Override
  public R remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<R> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public R get(String key) {
    return store.get(key);
  }

  /** Trims the object in place: the informer hands over a freshly deserialized object that nothing else holds. */
  static <R extends HasMetadata> R trim(R obj) {
    ObjectMeta meta = obj.getMetadata();
    if (meta == null) {
      return obj;
    }
    if (meta.getManagedFields() != null && !meta.getManagedFields().isEmpty()) {
      meta.setManagedFields(meta.getManagedFields().stream().filter(m -> Labels.MANAGER.equals(m.getManager())).toList());
    }
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().remove(LAST_APPLIED);
    }
    return obj;
  }
}
