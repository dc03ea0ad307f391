package dev.envprofile.engine.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;

/** Kind, namespace and name of an object: how reports and findings name it. */
public record ObjectRef(String kind, String namespace, String name) implements Comparable<ObjectRef> {
  private static final Comparator<ObjectRef> ORDER = Comparator
      .comparing(ObjectRef::kind).thenComparing(r -> r.namespace == null ? "" : r.namespace)
      .thenComparing(ObjectRef::name);

  public static ObjectRef of(HasMetadata o) {
    return new ObjectRef(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  /** Kind/namespace/name, as in the JSON report. */
  public String path() {
    return namespace == null || namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** Kind/name, as in the profile's status. */
  public String shortName() {
    return kind + "/" + name;
  }

  @Override
  public int compareTo(ObjectRef o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return path();
  }
}
