package dev.envprofile.cli.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.envprofile.engine.Copies;
import dev.envprofile.engine.report.Redactor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code promote --diff}: a unified diff per object of what Enforce would change. Secret values are
 * masked, and so is any credential value of the input wherever it appears (a ConfigMap key that
 * moves, an env literal that becomes a secretKeyRef).
 */
public final class DiffPrinter {
  private DiffPrinter() {}

  public static String render(List<HasMetadata> before, List<HasMetadata> after, Redactor redactor,
                              KubernetesSerialization yaml) {
    Map<String, HasMetadata> a = index(before);
    Map<String, HasMetadata> b = index(after);
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    StringBuilder sb = new StringBuilder();
    for (String key : keys) {
      List<String> left = lines(a.get(key), redactor, yaml);
      List<String> right = lines(b.get(key), redactor, yaml);
      if (left.equals(right)) {
        continue;
      }
      Patch<String> patch = DiffUtils.diff(left, right);
      String from = a.containsKey(key) ? "a/" + key : "/dev/null";
      String to = b.containsKey(key) ? "b/" + key : "/dev/null";
      for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, left, patch, 3)) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static Map<String, HasMetadata> index(List<HasMetadata> objects) {
    Map<String, HasMetadata> out = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      String ns = o.getMetadata().getNamespace();
      out.put(o.getKind() + "/" + (ns == null ? "" : ns + "/") + o.getMetadata().getName(), o);
    }
    return out;
  }

  /** The object as YAML lines, Secret values and the input's credential values masked. */
  public static List<String> lines(HasMetadata o, Redactor redactor, KubernetesSerialization yaml) {
    if (o == null) {
      return List.of();
    }
    HasMetadata shown = o;
    if (o instanceof Secret s) {
      Secret masked = Copies.deep(s);
      masked.setData(mask(s.getData()));
      masked.setStringData(mask(s.getStringData()));
      shown = masked;
    }
    // Each string of the object is masked on its own first: a multi-line credential value is
    // written as a block of lines, where masking the text would no longer find it whole.
    Object tree = maskLeaves(yaml.convertValue(shown, Object.class), redactor);
    String text = redactor.mask(yaml.asYaml(tree));
    return text.lines().filter(l -> !l.equals("---")).toList();
  }

  private static Object maskLeaves(Object node, Redactor redactor) {
    if (node instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, maskLeaves(v, redactor)));
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(maskLeaves(v, redactor)));
      return out;
    }
    return node instanceof String str ? redactor.mask(str) : node;
  }

  private static Map<String, String> mask(Map<String, String> data) {
    if (data == null) {
      return null;
    }
    Map<String, String> out = new TreeMap<>();
    data.keySet().forEach(k -> out.put(k, Redactor.MASK));
    return out;
  }
}
