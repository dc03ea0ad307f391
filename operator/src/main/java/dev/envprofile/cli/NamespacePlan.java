package dev.envprofile.cli;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader.Document;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which profile audits which namespace of the input. Input of one namespace, or one --profile
 * naming its namespace, is the single run the CLI always made, and keeps its output. Otherwise each
 * namespace of the input gets, in this order: the --profile naming it, the EnvironmentProfile of
 * the input in it, the --profile naming no namespace; a namespace none of these gives a profile is
 * reported as not audited, never passed over (docs/cli.md "Several namespaces").
 */
final class NamespacePlan {
  /**
   * Kinds that always live in a namespace: in input spanning namespaces, one of these without
   * metadata.namespace belongs to no known namespace (kubectl would use its context's).
   */
  static final Set<String> NAMESPACED_KINDS = Set.copyOf(concat(Workload.KINDS, List.of("Pod", "ReplicaSet",
      "Service", "ConfigMap", "Secret", "Ingress", "PersistentVolumeClaim", "NetworkPolicy", "PodDisruptionBudget",
      "HorizontalPodAutoscaler", "ServiceAccount", "Role", "RoleBinding", "ExternalSecret", "EnvironmentProfile")));

  /**
   * A namespace and its objects (input order); {@code settings} is null when no profile applies.
   * {@code notAudited} says why the engine does not run on it (null when it does).
   */
  record Unit(String namespace, String profile, Settings settings, List<HasMetadata> objects, String notAudited) {
    boolean audited() {
      return notAudited == null;
    }

    /** A few words for lists: "no profile", "no workload", "no workload selected". */
    String shortReason() {
      return notAudited == null ? "audited" : settings == null ? "no profile"
          : notAudited.startsWith("none of") ? "no workload selected" : "no workload";
    }
  }

  /** Non-null for the single run: one profile, one namespace. */
  final Settings single;
  /** The namespaces, sorted by name (empty for the single run). */
  final List<Unit> units;
  /** Objects of no namespace (cluster-scoped), in input order: passed through once, audited by no profile. */
  final List<HasMetadata> clusterScoped;

  /**
   * The single run's profile names its namespace and the input has objects of others: they pass
   * through unaudited, as documented, and the commands say so on stderr rather than skip them silently.
   */
  final List<String> otherNamespaces;

  private NamespacePlan(Settings single, List<Unit> units, List<HasMetadata> clusterScoped,
                        List<String> otherNamespaces) {
    this.single = single;
    this.units = units;
    this.clusterScoped = clusterScoped;
    this.otherNamespaces = otherNamespaces;
  }

  /** The stderr note of a single run over input with objects of other namespaces, or null. */
  String otherNamespacesNote(String what) {
    return otherNamespaces.isEmpty() ? null : "note: the profile names namespace " + single.namespace()
        + "; the objects of " + InputScope.list(otherNamespaces) + " are " + what + " (give each namespace a"
        + " profile with --profile, or a profile without metadata.namespace to audit them all)";
  }

  static NamespacePlan of(List<String> profileFiles, List<Document> docs) {
    List<String> files = profileFiles == null ? List.of() : profileFiles;
    Set<Path> given = files.stream().map(NamespacePlan::real).collect(java.util.stream.Collectors.toSet());
    // A --profile file that is also under a -f directory is the same profile, not one found in the input.
    List<Document> found = docs.stream().filter(d -> isProfile(d.object()) && !given.contains(real(d.source())))
        .toList();
    List<HasMetadata> objects = docs.stream().map(Document::object).toList();
    if (files.isEmpty() && found.isEmpty()) {
      throw new BadInputException(null, -1, "no profile: give --profile FILE, or include EnvironmentProfile"
          + " objects in the -f input");
    }
    if (files.size() == 1 && found.isEmpty()) {
      EnvironmentProfile p = ProfileLoader.read(files.get(0));
      List<String> namespaces = InputScope.namespaces(objects);
      String ns = ProfileLoader.namespaceOf(p);
      if (ns != null || namespaces.size() <= 1) {
        Settings s = ProfileLoader.settings(files.get(0), ns != null ? ns : namespaces.isEmpty() ? "default"
            : namespaces.get(0), p);
        InputScope.requireSelection(files.get(0), objects, s);
        List<String> others = namespaces.stream().filter(n -> !n.equals(s.namespace())).toList();
        return new NamespacePlan(s, List.of(), List.of(), others);
      }
    }
    NamespacePlan plan = several(files, found, docs);
    if (plan.units.size() == 1) {
      // One namespace after all (its profile among the manifests, perhaps beside a --profile naming
      // it): the single run, with the single run's output, and its refusal when it selects nothing.
      Unit u = plan.units.get(0);
      if (!u.audited()) {
        throw new BadInputException(u.profile(), -1, u.notAudited());
      }
      return new NamespacePlan(u.settings(), List.of(), List.of(), List.of());
    }
    return plan;
  }

  /** A live namespace ({@code --namespace}): the single run, refused when its profile selects no workload of it. */
  static NamespacePlan live(Settings settings, List<HasMetadata> objects, String source) {
    InputScope.requireSelection(source, objects, settings);
    return new NamespacePlan(settings, List.of(), List.of(), List.of());
  }

  private static Path real(String file) {
    try {
      return Path.of(file).toRealPath();
    } catch (java.io.IOException | RuntimeException e) {
      return Path.of(file).toAbsolutePath().normalize();
    }
  }

  private static NamespacePlan several(List<String> files, List<Document> found, List<Document> docs) {
    Map<String, Named> byFile = new TreeMap<>();
    Named everywhere = null;
    for (String f : files) {
      EnvironmentProfile p = ProfileLoader.read(f);
      String ns = ProfileLoader.namespaceOf(p);
      if (ns == null) {
        if (everywhere != null) {
          throw new BadInputException(f, -1, "a second profile without metadata.namespace (" + everywhere.label
              + " is the first): only one profile may apply to every namespace");
        }
        everywhere = new Named(f, p);
      } else if (byFile.putIfAbsent(ns, new Named(f, p)) != null) {
        throw new BadInputException(f, -1, "names namespace " + ns + ", as " + byFile.get(ns).label
            + " does: one profile per namespace");
      }
    }
    Map<String, Named> inInput = new TreeMap<>();
    for (Document d : found) {
      EnvironmentProfile p = ProfileLoader.fromInput(d);
      String ns = ProfileLoader.namespaceOf(p);
      String label = d.source() + ":" + d.line();
      if (ns == null) {
        throw new BadInputException(d.source(), d.line(), "EnvironmentProfile/" + d.object().getMetadata().getName()
            + " names no namespace: set metadata.namespace (a profile among the manifests applies to its own)");
      }
      if (inInput.putIfAbsent(ns, new Named(label, p)) != null) {
        throw new BadInputException(d.source(), d.line(), "a second EnvironmentProfile in namespace " + ns
            + " (the first is at " + inInput.get(ns).label + "): one profile per namespace");
      }
    }
    Map<String, List<HasMetadata>> byNamespace = new TreeMap<>();
    byFile.keySet().forEach(ns -> byNamespace.put(ns, new ArrayList<>()));
    List<HasMetadata> clusterScoped = new ArrayList<>();
    List<Document> homeless = new ArrayList<>();
    for (Document d : docs) {
      String ns = d.object().getMetadata().getNamespace();
      if (ns != null && !ns.isEmpty()) {
        byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(d.object());
      } else if (NAMESPACED_KINDS.contains(d.object().getKind())) {
        homeless.add(d);
      } else {
        clusterScoped.add(d.object());
      }
    }
    if (!homeless.isEmpty() && byNamespace.size() == 1) {
      // One namespace: objects without one are its, as in the single run (kept in input order).
      String only = byNamespace.keySet().iterator().next();
      List<HasMetadata> all = new ArrayList<>();
      for (Document d : docs) {
        String ns = d.object().getMetadata().getNamespace();
        if (only.equals(ns) || homeless.contains(d)) {
          all.add(d.object());
        }
      }
      byNamespace.put(only, all);
      homeless.clear();
    }
    if (!homeless.isEmpty()) {
      Document d = homeless.get(0);
      throw new BadInputException(d.source(), d.line(), d.object().getKind() + "/" + d.object().getMetadata().getName()
          + " names no namespace, and the input spans namespaces " + InputScope.list(List.copyOf(byNamespace.keySet()))
          + (homeless.size() > 1 ? " (and " + (homeless.size() - 1) + " more objects name none)" : "")
          + ": set metadata.namespace (kubectl would apply it to its context's namespace)");
    }
    List<Unit> units = new ArrayList<>();
    for (Map.Entry<String, List<HasMetadata>> e : byNamespace.entrySet()) {
      String ns = e.getKey();
      Named chosen = byFile.getOrDefault(ns, inInput.getOrDefault(ns, everywhere));
      if (chosen == null) {
        units.add(new Unit(ns, null, null, e.getValue(), "no profile: no --profile names it, no EnvironmentProfile of the input"
            + " is in it, and no --profile without metadata.namespace applies to every namespace"));
        continue;
      }
      Settings s = ProfileLoader.settings(chosen.label, ns, chosen.profile);
      units.add(new Unit(ns, chosen.label, s, e.getValue(), InputScope.selectionProblem(e.getValue(), s)));
    }
    if (units.size() != 1 && units.stream().noneMatch(Unit::audited)) {
      List<String> why = units.stream().map(u -> u.namespace() + " (" + u.shortReason() + ")").toList();
      throw new BadInputException(null, -1, "no namespace of the input can be audited: " + InputScope.list(why)
          + "; check the profiles and the -f paths");
    }
    return new NamespacePlan(null, List.copyOf(units), List.copyOf(clusterScoped), List.of());
  }

  /** The namespaces not audited, by name. */
  List<String> notAudited() {
    return units.stream().filter(u -> !u.audited()).map(Unit::namespace).toList();
  }

  static boolean isProfile(HasMetadata o) {
    return "EnvironmentProfile".equals(o.getKind()) && EnvironmentProfile.API_VERSION.equals(o.getApiVersion());
  }

  private record Named(String label, EnvironmentProfile profile) {}

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
