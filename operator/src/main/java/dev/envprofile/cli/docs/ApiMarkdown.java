package dev.envprofile.cli.docs;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** docs/api.md, generated from the CRD: every field with its type, default, validation and description. */
public final class ApiMarkdown {
  private ApiMarkdown() {}

  public static String render(CustomResourceDefinition crd) {
    var version = crd.getSpec().getVersions().get(0);
    JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
    StringBuilder sb = new StringBuilder();
    sb.append("# EnvironmentProfile API reference\n\n")
        .append("<!-- Generated from crds/ by `make docs`; do not edit by hand. -->\n\n")
        .append("`apiVersion: ").append(crd.getSpec().getGroup()).append('/').append(version.getName())
        .append("`, `kind: ").append(crd.getSpec().getNames().getKind()).append("`, namespaced, short names ")
        .append(String.join(", ", crd.getSpec().getNames().getShortNames().stream().map(s -> "`" + s + "`").toList()))
        .append(", with the status subresource. `kubectl get envprofile` shows ")
        .append(String.join(", ", version.getAdditionalPrinterColumns().stream()
            .filter(c -> c.getPriority() == null || c.getPriority() == 0).map(c -> c.getName()).toList()))
        .append("; `-o wide` adds ")
        .append(String.join(", ", version.getAdditionalPrinterColumns().stream()
            .filter(c -> c.getPriority() != null && c.getPriority() > 0).map(c -> c.getName()).toList()))
        .append(".\n\nDefaults marked *tier* depend on `spec.tier` (see the tier table in [rewrites.md](rewrites.md)).\n");
    for (String top : List.of("spec", "status")) {
      sb.append("\n## ").append(top).append("\n\n| field | type | default | validation | description |\n|---|---|---|---|---|\n");
      walk(sb, "." + top, root.getProperties().get(top));
    }
    return sb.toString();
  }

  private static void walk(StringBuilder sb, String path, JSONSchemaProps p) {
    if (p.getProperties() == null && p.getItems() == null) {
      return;
    }
    if (p.getProperties() != null) {
      for (Map.Entry<String, JSONSchemaProps> e : p.getProperties().entrySet()) {
        JSONSchemaProps f = e.getValue();
        String fp = path + "." + e.getKey();
        row(sb, fp, f, p.getRequired() != null && p.getRequired().contains(e.getKey()));
        if (f.getItems() != null && f.getItems().getSchema() != null) {
          walk(sb, fp + "[]", f.getItems().getSchema());
        } else {
          walk(sb, fp, f);
        }
      }
    }
  }

  /** Tier-dependent defaults say "Default: ... local ..."; fixed ones "(default X)". */
  private static String documentedDefault(String desc) {
    java.util.regex.Matcher tier = java.util.regex.Pattern.compile("[Dd]efault:? [^.]*\\blocal\\b").matcher(desc);
    if (tier.find()) {
      return "*tier*";
    }
    java.util.regex.Matcher fixed = java.util.regex.Pattern.compile("\\(default ([^)]+)\\)").matcher(desc);
    return fixed.find() ? fixed.group(1) : "";
  }

  private static void row(StringBuilder sb, String path, JSONSchemaProps f, boolean required) {
    List<String> v = new ArrayList<>();
    if (required) {
      v.add("required");
    }
    if (f.getEnum() != null && !f.getEnum().isEmpty()) {
      v.add("one of " + String.join(", ", f.getEnum().stream().map(x -> "`" + x.asText() + "`").toList()));
    }
    if (f.getMinimum() != null) {
      v.add("min " + f.getMinimum().intValue());
    }
    if (f.getMaximum() != null) {
      v.add("max " + f.getMaximum().intValue());
    }
    if (f.getPattern() != null) {
      v.add("pattern `" + f.getPattern().replace("|", "\\|") + "`");
    }
    if (f.getXKubernetesValidations() != null) {
      for (ValidationRule r : f.getXKubernetesValidations()) {
        v.add("rule: " + r.getMessage());
      }
    }
    String type = f.getType() == null ? "" : f.getType();
    if ("array".equals(type) && f.getItems() != null && f.getItems().getSchema() != null) {
      type = "array of " + f.getItems().getSchema().getType();
    }
    if (f.getAdditionalProperties() != null && f.getAdditionalProperties().getSchema() != null) {
      type = "map of " + f.getAdditionalProperties().getSchema().getType();
    }
    String def = f.getDefault() == null ? "" : "`" + f.getDefault().asText() + "`";
    String desc = f.getDescription() == null ? "" : f.getDescription().replace("|", "\\|").replace("\n", " ");
    if (def.isEmpty()) {
      def = documentedDefault(desc);
    }
    sb.append("| `").append(path.substring(1)).append("` | ").append(type).append(" | ").append(def).append(" | ")
        .append(String.join("; ", v)).append(" | ").append(desc).append(" |\n");
  }
}
