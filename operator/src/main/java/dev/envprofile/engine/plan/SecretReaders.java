package dev.envprofile.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envprofile.engine.apply.Trees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets that workloads read, by name: env and envFrom references, secret and projected
 * volumes, image pull secrets. A Revert removes a generated Secret only when no workload reads
 * it any more (a consumer whose reference was left alone in a conflict keeps its Secret).
 */
public final class SecretReaders {
  private SecretReaders() {}

  public static Set<String> secretsRead(Collection<? extends HasMetadata> workloads) {
    return secretsReadByTrees(workloads.stream().map(w -> (JsonNode) Trees.tree(w)).toList());
  }

  /** The same, from workloads as JSON trees (as a plan leaves them). */
  public static Set<String> secretsReadByTrees(Collection<? extends JsonNode> workloads) {
    Set<String> names = new TreeSet<>();
    for (JsonNode w : workloads) {
      collect(w.path("spec"), names);
    }
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, names));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (var it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "secretKeyRef", "secretRef" -> add(v.path("name"), names);
        case "secret" -> {
          add(v.path("secretName"), names); // a volume
          add(v.path("name"), names);       // a projected volume's source
        }
        case "imagePullSecrets" -> v.forEach(r -> add(r.path("name"), names));
        default -> collect(v, names);
      }
    }
  }

  private static void add(JsonNode name, Set<String> names) {
    if (name.isTextual() && !name.asText().isEmpty()) {
      names.add(name.asText());
    }
  }
}
