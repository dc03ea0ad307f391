package dev.envprofile.it.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading the operator's requests in the audit log: its writes, its reconciles, their timing. */
public final class OperatorRequests {
  private OperatorRequests() {}

  /** Writes that change state: a review (the permission check at start-up) is created, but it is a question. */
  public static long writes(List<AuditLog.Entry> entries) {
    return entries.stream().filter(AuditLog.Entry::isWrite).filter(e -> !e.resource().endsWith("reviews")).count();
  }

  /** A reconcile reads the namespace's Secrets (the informer only holds the operator's own). */
  private static boolean reconcile(AuditLog.Entry e) {
    return e.resource().equals("secrets") && e.verb().equals("list") && !e.namespace().isEmpty();
  }

  public static Set<String> reconciledNamespaces(List<AuditLog.Entry> entries) {
    return entries.stream().filter(OperatorRequests::reconcile).map(AuditLog.Entry::namespace)
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * When the last namespace's first reconcile ended (its first status write): by then the operator
   * had written every namespace's promotion, and only waited for the control plane to run it.
   */
  public static Instant firstPassDone(List<AuditLog.Entry> entries, List<String> namespaces) {
    Map<String, Instant> first = new java.util.HashMap<>();
    for (AuditLog.Entry e : entries) {
      if (e.resource().equals("environmentprofiles") && e.subresource().equals("status") && e.verb().equals("patch")) {
        first.merge(e.namespace(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return first.keySet().containsAll(namespaces) ? first.values().stream().max(Instant::compareTo).orElse(null) : null;
  }

  public static Instant firstReconcile(List<AuditLog.Entry> entries) {
    return entries.stream().filter(OperatorRequests::reconcile).map(AuditLog.Entry::at).min(Instant::compareTo).orElse(null);
  }
}
