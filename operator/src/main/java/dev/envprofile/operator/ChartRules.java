package dev.envprofile.operator;

import dev.envprofile.engine.model.Kind;
import dev.envprofile.engine.model.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RBAC rules of the chart ({@code templates/_rules.tpl}), generated from the kind registry so
 * that a kind the operator starts to write cannot ship without its verbs, and no verb outlives the
 * kind that needed it. ChartRulesUpToDateTest fails when the committed file differs.
 */
public final class ChartRules {
  public static final String FILE = "helm/envprofile-operator/templates/_rules.tpl";

  private ChartRules() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("""
        {{- /*
        GENERATED from the kind registry (operator/src/main/java/dev/envprofile/engine/model/Kinds.java)
        by `make chart-rules`; do not edit. Exactly what the operator calls, no wildcards: generated kinds
        are created by server-side apply, patched, and deleted by prune or Revert; user objects are read
        and patched, never created or deleted; PersistentVolumeClaims are read-only (the operator never
        deletes one). The revert logs' Role, in the release namespace, is in rbac.yaml.
        */ -}}
        {{- define "envprofile.rules" -}}
        - apiGroups: ["envprofile.dev"]
          resources: ["environmentprofiles"]
          verbs: ["get", "list", "watch", "patch", "update"]
        - apiGroups: ["envprofile.dev"]
          resources: ["environmentprofiles/status"]
          verbs: ["get", "patch", "update"]
        - apiGroups: ["envprofile.dev"]
          resources: ["environmentprofiles/finalizers"]
          verbs: ["update"]
        - apiGroups: [""]
          resources: ["events"]
          verbs: ["create"]
        """);
    // One rule per API group and verb set, in the registry's order.
    Map<String, List<String>> resources = new LinkedHashMap<>();
    Map<String, Kind> first = new LinkedHashMap<>();
    for (Kind k : Kinds.namespaced()) {
      String key = k.group() + "|" + k.verbs();
      resources.computeIfAbsent(key, x -> new ArrayList<>()).add(k.plural());
      first.putIfAbsent(key, k);
    }
    resources.forEach((key, plurals) -> {
      Kind k = first.get(key);
      out.append("- apiGroups: [\"").append(k.group()).append("\"]\n")
          .append("  resources: [").append(quoted(plurals)).append("]\n")
          .append("  verbs: [").append(quoted(k.verbs())).append("]\n");
    });
    out.append("{{- end }}\n");
    // Cluster-scoped kinds: only a ClusterRole can grant them (rbac.yaml binds one in either mode).
    out.append("{{- define \"envprofile.clusterRules\" -}}\n");
    for (Kind k : Kinds.clusterScoped()) {
      out.append("- apiGroups: [\"").append(k.group()).append("\"]\n")
          .append("  resources: [\"").append(k.plural()).append("\"]\n")
          .append("  verbs: [").append(quoted(k.verbs())).append("]\n");
    }
    out.append("{{- end }}\n");
    out.append(readerRules());
    return out.toString();
  }

  /**
   * The read-only rules of {@code envprofile audit|promote --namespace NS} (the reader ClusterRole,
   * templates/reader-clusterrole.yaml): get and list of every kind the operator reads, nothing else.
   */
  public static String readerRules() {
    StringBuilder out = new StringBuilder("{{- define \"envprofile.readerRules\" -}}\n");
    out.append("- apiGroups: [\"envprofile.dev\"]\n  resources: [\"environmentprofiles\"]\n  verbs: [\"get\", \"list\"]\n");
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (Kind k : Kinds.namespaced()) {
      byGroup.computeIfAbsent(k.group(), x -> new ArrayList<>()).add(k.plural());
    }
    byGroup.forEach((group, plurals) -> out.append("- apiGroups: [\"").append(group).append("\"]\n")
        .append("  resources: [").append(quoted(plurals)).append("]\n")
        .append("  verbs: [\"get\", \"list\"]\n"));
    for (Kind k : Kinds.clusterScoped()) {
      out.append("- apiGroups: [\"").append(k.group()).append("\"]\n")
          .append("  resources: [\"").append(k.plural()).append("\"]\n")
          .append("  verbs: [\"list\"]\n");
    }
    return out.append("{{- end }}\n").toString();
  }

  private static String quoted(List<String> items) {
    return String.join(", ", items.stream().map(s -> "\"" + s + "\"").toList());
  }
}
