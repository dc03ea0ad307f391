package dev.envprofile.engine.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Kind, namespace and name of an object: how reports and findings name it. */
public record ObjectRef(String kind, String namespace, String name) implements Comparable<ObjectRef> {

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
    int c = kind.compareTo(o.kind);
    if (c != 0) {
      return c;
    }
    c = (namespace == null ? "" : namespace).compareTo(o.namespace == null ? "" : o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return path();
  }
}
