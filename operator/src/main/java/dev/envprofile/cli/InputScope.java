package dev.envprofile.cli;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Refuses input the profile selects nothing of: a report of zero checks is "parity 100%", and a
 * CI gate must never pass on the wrong directory or the wrong profile.
 */
final class InputScope {
  private static final int LISTED = 5;

  private InputScope() {}

  /** The distinct namespaces of the namespaced objects, sorted. */
  static List<String> namespaces(List<HasMetadata> objects) {
    TreeSet<String> out = new TreeSet<>();
    for (HasMetadata o : objects) {
      String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
      if (ns != null && !ns.isEmpty()) {
        out.add(ns);
      }
    }
    return List.copyOf(out);
  }

  /** "a, b, c" (at most five, then "and N more"). */
  static String list(List<String> names) {
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
  }

  /**
   * Throws when no workload of the input is selected by the profile: objects of its namespace (or
   * of none) matching its selector and not ignored.
   */
  static void requireSelection(String profileFile, List<HasMetadata> objects, Settings settings) {
    String problem = selectionProblem(objects, settings);
    if (problem != null) {
      throw new BadInputException(profileFile, -1, problem);
    }
  }

  /** Why the profile selects no workload of the input, or null when it selects some. */
  static String selectionProblem(List<HasMetadata> objects, Settings settings) {
    String ns = settings.namespace();
    List<HasMetadata> inScope = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (HasMetadata o : objects) {
      String on = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
      boolean workload = Workload.KINDS.contains(o.getKind());
      if (on == null || on.isEmpty() || on.equals(ns)) {
        if (o.getMetadata() != null && o.getMetadata().getName() != null) {
          inScope.add(o);
        }
      } else if (workload && !elsewhere.contains(on)) {
        elsewhere.add(on);
      }
    }
    Inventory inv = Inventory.of(ns, inScope, settings.selector());
    if (!inv.workloads().isEmpty()) {
      return null;
    }
    long present = inv.allWorkloads().size();
    if (present > 0) {
      return "none of the " + present + " workload(s) in namespace " + ns + " is selected (spec.selector matches none,"
          + " or they are annotated envprofile.dev/ignore): fix spec.selector or the input";
    } else if (!elsewhere.isEmpty()) {
      java.util.Collections.sort(elsewhere);
      return "the input has no workload in namespace " + ns + " (the profile's), only in " + list(elsewhere)
          + ": set metadata.namespace or pass the manifests of " + ns;
    }
    return "the input has no workload (" + String.join(", ", Workload.KINDS)
        + "): nothing to promote or audit; check the -f paths";
  }
}
