package dev.envprofile.engine.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;

/** The namespace as the cluster has it when the plan is made (the operator's snapshot; a list of objects in tests). */
public interface LiveObjects {

  /** The live object of {@code kind} named {@code name} in the plan's namespace, or null. */
  HasMetadata get(String kind, String name);

  Collection<HasMetadata> all();

  /** Objects given as a list, e.g. manifests as if a GitOps tool had applied them. */
  static LiveObjects of(Collection<? extends HasMetadata> objects) {
    java.util.Map<String, HasMetadata> byKey = new java.util.LinkedHashMap<>();
    objects.forEach(o -> byKey.put(o.getKind() + "/" + o.getMetadata().getName(), o));
    return new LiveObjects() {
      @Override
      public HasMetadata get(String kind, String name) {
        return byKey.get(kind + "/" + name);
      }

      @Override
      public Collection<HasMetadata> all() {
        return java.util.Collections.unmodifiableCollection(byKey.values());
      }
    };
  }
}
