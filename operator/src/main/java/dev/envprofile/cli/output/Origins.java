package dev.envprofile.cli.output;

import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.model.ObjectRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each reported object was read from, for SARIF locations and JUnit file attributes. */
public final class Origins {
  private final Map<String, Document> byKindName = new HashMap<>();
  private final String fallback;

  public Origins(List<Document> documents, String fallback) {
    for (Document d : documents) {
      byKindName.putIfAbsent(d.object().getKind() + "/" + d.object().getMetadata().getName(), d);
    }
    this.fallback = fallback;
  }

  public String file(ObjectRef ref) {
    Document d = byKindName.get(ref.kind() + "/" + ref.name());
    return d == null ? fallback : d.source();
  }

  public int line(ObjectRef ref) {
    Document d = byKindName.get(ref.kind() + "/" + ref.name());
    return d == null || d.line() < 1 ? 1 : d.line();
  }
}
