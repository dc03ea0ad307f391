package dev.envprofile.engine.report;

import dev.envprofile.api.AcceptedFinding;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.ObjectPattern;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.Acceptance;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which failing (check, object) pairs are accepted: by the object's annotations
 * {@code envprofile.dev/accept} (check ids, comma-separated) and {@code envprofile.dev/accept-reason}
 * (on the object or, for a workload, its pod template), or by the profile's spec.acceptedFindings.
 * Annotations are tenant data: bounded, split by hand, unknown ids ignored with a note.
 */
public final class Acceptances {
  /** Longer accept annotations are ignored whole (every catalog id, comma-separated, is about 1 KiB). */
  public static final int MAX_ANNOTATION = 2048;
  public static final int MAX_REASON = AcceptedFinding.MAX_REASON;
  static final int MAX_NOTES = 50;
  private static final Set<String> IDS = Catalog.infos().stream().map(CheckInfo::id).collect(Collectors.toSet());

  private static final Acceptances NONE = new Acceptances(Map.of(), List.of(), null, List.of());

  private record Annotated(Set<String> ids, String reason) {}

  private final Map<ObjectRef, Annotated> annotated;
  private final List<Settings.Accept> rules;
  private final java.time.LocalDate today;
  private final List<String> notes;
  private final Map<HasMetadata, String> origins = new java.util.IdentityHashMap<>();
  private Inventory inventory;

  private Acceptances(Map<ObjectRef, Annotated> annotated, List<Settings.Accept> rules, java.time.LocalDate today,
                      List<String> notes) {
    this.annotated = annotated;
    this.rules = rules;
    this.today = today;
    this.notes = notes;
  }

  public static Acceptances none() {
    return NONE;
  }

  public static Acceptances of(Inventory inv, Settings settings) {
    Map<ObjectRef, Annotated> annotated = new HashMap<>();
    List<String> notes = new ArrayList<>();
    for (HasMetadata o : inv.objects()) {
      Map<String, String> own = o.getMetadata().getAnnotations();
      Workload w = Workload.of(o);
      Map<String, String> template = w == null || w.template().getMetadata() == null ? null
          : w.template().getMetadata().getAnnotations();
      String ids = join(get(own, Labels.ACCEPT), get(template, Labels.ACCEPT));
      if (ids == null) {
        continue;
      }
      ObjectRef ref = inv.refOf(o);
      if (ids.length() > MAX_ANNOTATION) {
        notes.add(ref.shortName() + ": " + Labels.ACCEPT + " is longer than " + MAX_ANNOTATION
            + " characters: ignored");
        continue;
      }
      Set<String> known = new LinkedHashSet<>();
      List<String> unknown = new ArrayList<>();
      int start = 0;
      while (start <= ids.length()) {
        int comma = ids.indexOf(',', start);
        String id = ids.substring(start, comma < 0 ? ids.length() : comma).strip();
        if (!id.isEmpty()) {
          if (IDS.contains(id)) {
            known.add(id);
          } else {
            unknown.add(id.length() > 60 ? id.substring(0, 60) + "..." : id);
          }
        }
        start = comma < 0 ? ids.length() + 1 : comma + 1;
      }
      if (!unknown.isEmpty()) {
        notes.add(ref.shortName() + ": " + Labels.ACCEPT + " names " + (unknown.size() == 1 ? "an unknown check" : unknown.size() + " unknown checks")
            + " (" + String.join(", ", unknown.stream().limit(3).toList()) + (unknown.size() > 3 ? ", ..." : "")
            + "): ignored; docs/checks.md lists the ids");
      }
      if (!known.isEmpty()) {
        String reason = get(own, Labels.ACCEPT_REASON);
        reason = reason == null || reason.isBlank() ? get(template, Labels.ACCEPT_REASON) : reason;
        annotated.put(ref, new Annotated(known, bounded(reason)));
      }
    }
    if (notes.size() > MAX_NOTES) {
      int more = notes.size() - MAX_NOTES;
      notes.subList(MAX_NOTES, notes.size()).clear();
      notes.add("and " + more + " more objects whose " + Labels.ACCEPT + " was ignored");
    }
    if (annotated.isEmpty() && settings.acceptedFindings().isEmpty() && notes.isEmpty()) {
      return NONE;
    }
    Acceptances a = new Acceptances(annotated, settings.acceptedFindings(), settings.today(), List.copyOf(notes));
    a.inventory = inv;
    return a;
  }

  /** What was ignored in the objects' accept annotations, for the report (no value, names only). */
  public List<String> notes() {
    return notes;
  }

  /**
   * The acceptance of a failing result, or null. An annotation (no expiry) or an unexpired profile
   * entry wins over an expired one, so that an expired entry never hides a current one.
   */
  public Acceptance find(CheckResult r) {
    if (r.passed() || this == NONE) {
      return null;
    }
    String id = r.check().id();
    Annotated a = annotated.get(r.object());
    if (a != null && a.ids().contains(id)) {
      return new Acceptance(Acceptance.ANNOTATION, a.reason(), null, false);
    }
    Acceptance expired = null;
    String self = r.object().kind() + "/" + r.object().name();
    String from = null;
    boolean fromRead = false;
    for (Settings.Accept rule : rules) {
      if (!rule.check().equals(id)) {
        continue;
      }
      if (!fromRead) {
        from = promotedFrom(r.object());
        fromRead = true;
      }
      if (matchesAny(rule.objects(), self) || (from != null && matchesAny(rule.objects(), from))) {
        boolean past = rule.expires() != null && today != null && rule.expires().isBefore(today);
        Acceptance found = new Acceptance(Acceptance.PROFILE, bounded(rule.reason()), rule.expires(), past);
        if (!past) {
          return found;
        }
        expired = expired == null ? found : expired;
      }
    }
    return expired;
  }

  private String promotedFrom(ObjectRef ref) {
    HasMetadata o = inventory == null ? null : inventory.get(ref);
    if (o == null) {
      return null;
    }
    return origins.computeIfAbsent(o, x -> {
      String v = get(x.getMetadata().getAnnotations(), Labels.PROMOTED_FROM);
      return v == null ? "" : v;
    }).transform(v -> v.isEmpty() ? null : v);
  }

  private static boolean matchesAny(List<String> patterns, String text) {
    for (String p : patterns) {
      if (ObjectPattern.matches(p, text)) {
        return true;
      }
    }
    return false;
  }

  /** At most MAX_REASON characters on one line: no control character (a newline, an escape) reaches a terminal or a log. */
  static String bounded(String reason) {
    if (reason == null || reason.isBlank()) {
      return "no reason given";
    }
    String r = reason.strip();
    r = r.length() > MAX_REASON ? r.substring(0, MAX_REASON) + "..." : r;
    StringBuilder out = new StringBuilder(r.length());
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return out.toString();
  }

  private static String get(Map<String, String> m, String key) {
    return m == null ? null : m.get(key);
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + "," + b;
  }
}
