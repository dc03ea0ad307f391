package dev.envprofile.cli.output;

import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.model.ObjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each reported object was read from, for SARIF locations and JUnit file attributes. An
 * object is found by kind, namespace and name (the same name in two namespaces is two documents),
 * else by kind and name: a document without metadata.namespace is reported in the profile's.
 */
public final class Origins {
  private final Map<String, Document> byPath = new HashMap<>();
  private final Map<String, Document> byKindName = new HashMap<>();
  private final String fallback;

  public Origins(List<Document> documents, String fallback) {
    for (Document d : documents) {
      String ns = d.object().getMetadata().getNamespace();
      if (ns != null && !ns.isEmpty()) {
        byPath.putIfAbsent(d.object().getKind() + "/" + ns + "/" + d.object().getMetadata().getName(), d);
      }
      byKindName.putIfAbsent(d.object().getKind() + "/" + d.object().getMetadata().getName(), d);
    }
    this.fallback = fallback;
  }

  public String file(ObjectRef ref) {
    Document d = find(ref);
    return d == null ? fallback : d.source();
  }

  public int line(ObjectRef ref) {
    Document d = find(ref);
    return d == null || d.line() < 1 ? 1 : d.line();
  }

  private Document find(ObjectRef ref) {
    Document d = ref.namespace() == null ? null : byPath.get(ref.kind() + "/" + ref.namespace() + "/" + ref.name());
    return d != null ? d : byKindName.get(ref.kind() + "/" + ref.name());
  }
}
