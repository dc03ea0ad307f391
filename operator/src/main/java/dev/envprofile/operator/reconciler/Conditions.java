package dev.envprofile.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** metav1.Condition bookkeeping: lastTransitionTime changes only when status flips. */
final class Conditions {
  static final List<String> TYPES = List.of("Ready", "Valid", "ParityTargetMet", "StorageReady", "SecretsReady",
      "NetworkReady", "TLSReady", "WorkloadsReady");

  private final List<Condition> previous;
  private final long generation;
  private final Clock clock;
  private final List<Condition> next = new ArrayList<>();

  Conditions(List<Condition> previous, long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  Conditions set(String type, boolean status, String reason, String message) {
    String s = status ? "True" : "False";
    String since = previous.stream().filter(c -> c.getType().equals(type) && c.getStatus().equals(s))
        .map(Condition::getLastTransitionTime).findFirst()
        .orElse(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    next.removeIf(c -> c.getType().equals(type));
    next.add(new ConditionBuilder().withType(type).withStatus(s).withReason(reason).withMessage(message)
        .withObservedGeneration(generation).withLastTransitionTime(since).build());
    return this;
  }

  boolean isTrue(String type) {
    return next.stream().anyMatch(c -> c.getType().equals(type) && "True".equals(c.getStatus()));
  }

  List<Condition> list() {
    List<Condition> out = new ArrayList<>(next);
    out.sort((a, b) -> Integer.compare(TYPES.indexOf(a.getType()), TYPES.indexOf(b.getType())));
    return out;
  }
}
