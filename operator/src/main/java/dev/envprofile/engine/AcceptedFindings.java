package dev.envprofile.engine;

import dev.envprofile.api.AcceptedFinding;
import dev.envprofile.api.EnvironmentProfileSpec;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.CheckInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks spec.acceptedFindings as the CRD does (an old CRD, or a profile file offline, may not have
 * checked it): bounded lists and lengths, catalog ids, real dates, Kind/name patterns. Problems
 * name the field, as the API server would.
 */
final class AcceptedFindings {
  private static final Set<String> IDS = Catalog.infos().stream().map(CheckInfo::id).collect(Collectors.toSet());

  private AcceptedFindings() {}

  static List<Settings.Accept> resolve(List<AcceptedFinding> list, List<String> problems) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    if (list.size() > EnvironmentProfileSpec.MAX_ACCEPTED) {
      problems.add("spec.acceptedFindings: at most " + EnvironmentProfileSpec.MAX_ACCEPTED + " entries, got " + list.size());
      return List.of();
    }
    List<Settings.Accept> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "spec.acceptedFindings[" + i + "]";
      AcceptedFinding a = list.get(i);
      if (a == null) {
        problems.add(at + ": must be an object with check, objects and reason");
        continue;
      }
      int before = problems.size();
      if (a.check == null || a.check.isBlank()) {
        problems.add(at + ".check: required (a check id from docs/checks.md)");
      } else if (!IDS.contains(a.check)) {
        problems.add(at + ".check: '" + shortText(a.check) + "' is not a check id (docs/checks.md lists them)");
      }
      if (a.objects == null || a.objects.isEmpty()) {
        problems.add(at + ".objects: required: one or more Kind/name patterns such as Deployment/api-*");
      } else if (a.objects.size() > AcceptedFinding.MAX_OBJECTS) {
        problems.add(at + ".objects: at most " + AcceptedFinding.MAX_OBJECTS + " patterns, got " + a.objects.size());
      } else {
        for (int j = 0; j < a.objects.size(); j++) {
          String why = ObjectPattern.problem(a.objects.get(j));
          if (why != null) {
            problems.add(at + ".objects[" + j + "]: " + why);
          }
        }
      }
      if (a.reason == null || a.reason.isBlank()) {
        problems.add(at + ".reason: required: say why the finding is accepted");
      } else if (a.reason.length() > AcceptedFinding.MAX_REASON) {
        problems.add(at + ".reason: at most " + AcceptedFinding.MAX_REASON + " characters, got " + a.reason.length());
      }
      LocalDate expires = null;
      if (a.expires != null) {
        try {
          expires = a.expires.length() == 10 ? LocalDate.parse(a.expires) : null;
        } catch (DateTimeParseException e) {
          expires = null;
        }
        if (expires == null) {
          problems.add(at + ".expires: '" + shortText(a.expires) + "' is not a date such as 2026-06-30");
        }
      }
      if (problems.size() == before) {
        out.add(new Settings.Accept(a.check, List.copyOf(a.objects), a.reason, expires));
      }
    }
    return List.copyOf(out);
  }

  private static String shortText(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
