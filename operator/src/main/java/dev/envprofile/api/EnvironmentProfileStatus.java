package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed parity and progress. Never holds a credential value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentProfileStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Pending, Auditing, Promoting, Promoted, Degraded or Invalid.")
  public Phase phase;

  @JsonPropertyDescription("Integer percentage of production (check, object) pairs that pass, whatever the tier.")
  public Integer parity;

  @JsonPropertyDescription("Parity shown by kubectl get, e.g. 87%.")
  public String parityDisplay;

  @JsonPropertyDescription("The parity target in force (spec.parityTarget or the tier's default).")
  public Integer parityTarget;

  @JsonPropertyDescription("Counts of passed and failed (check, object) pairs.")
  public CheckCounts checks;

  @JsonPropertyDescription("Ready, Valid, ParityTargetMet, StorageReady, SecretsReady, NetworkReady, TLSReady, WorkloadsReady, in metav1.Condition shape.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("One entry per selected workload.")
  public List<WorkloadStatus> workloads = new ArrayList<>();

  @JsonPropertyDescription("Failing checks, most severe first, capped at 50 entries.")
  public List<FindingStatus> findings = new ArrayList<>();

  @JsonPropertyDescription("Number of failing checks left out of findings by the cap.")
  public Integer findingsOmitted;

  @JsonPropertyDescription("Failing checks the team accepted (spec.acceptedFindings or the envprofile.dev/accept annotation), out of parity: most severe first, capped at 50 entries.")
  public List<AcceptedStatus> accepted;

  @JsonPropertyDescription("Number of accepted findings left out of accepted by the cap.")
  public Integer acceptedOmitted;

  @JsonPropertyDescription("Acceptances past their expires date, whose findings count again, as 'check Kind/name (expired YYYY-MM-DD)': capped at 50 entries.")
  public List<String> expiredAcceptances;

  @JsonPropertyDescription("Audit mode: what Enforce would write now, from the engine's write plan (nothing is written).")
  public PlanStatus plan;

  public enum Phase { Pending, Auditing, Promoting, Promoted, Degraded, Invalid }

  /** What Enforce would change, counted and listed; no value, only names, phases and check ids. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PlanStatus {
    @JsonPropertyDescription("Number of writes Enforce would make now (shown by kubectl get -o wide as Pending).")
    public int changes;
    @JsonPropertyDescription("Writes per area: StorageReady, SecretsReady, NetworkReady, TLSReady, WorkloadsReady.")
    public java.util.Map<String, Integer> byArea = new java.util.LinkedHashMap<>();
    @JsonPropertyDescription("The writes in the order Enforce would make them, capped at 50 entries.")
    public List<PlannedChange> objects = new ArrayList<>();
    @JsonPropertyDescription("Number of writes left out of objects by the cap.")
    public Integer omitted;
    @JsonPropertyDescription("What Enforce would then wait for, e.g. StatefulSet/postgres to become ready.")
    public List<String> waits;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PlannedChange {
    @JsonPropertyDescription("Kind/name of the object.")
    public String object;
    @JsonPropertyDescription("apply (server-side apply), patch (a guarded JSON patch) or delete.")
    public String action;
    @JsonPropertyDescription("The write phase: credentials, generated, cutover, user-objects, policies, prune or scrub.")
    public String phase;
    @JsonPropertyDescription("Ids of the fixable checks that fail on this object: why it would change.")
    public List<String> checks;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class CheckCounts {
    @JsonPropertyDescription("Passing (check, object) pairs.")
    public int passed;
    @JsonPropertyDescription("Failing (check, object) pairs, accepted ones not included.")
    public int failed;
    @JsonPropertyDescription("Failing pairs the team accepted: out of parity, listed in status.accepted.")
    public int accepted;

    public CheckCounts() {}

    public CheckCounts(int passed, int failed) {
      this.passed = passed;
      this.failed = failed;
    }

    public CheckCounts(int passed, int failed, int accepted) {
      this(passed, failed);
      this.accepted = accepted;
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class WorkloadStatus {
    @JsonPropertyDescription("Deployment, StatefulSet, DaemonSet, Job or CronJob.")
    public String kind;
    @JsonPropertyDescription("Name of the workload.")
    public String name;
    @JsonPropertyDescription("Kind/name of the object that replaces it, e.g. StatefulSet/postgres.")
    public String promotedTo;
    @JsonPropertyDescription("Parity of this workload's own checks.")
    public Integer parity;
    @JsonPropertyDescription("Ids of the checks this workload fails.")
    public List<String> failing = new ArrayList<>();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class FindingStatus {
    @JsonPropertyDescription("Check id, e.g. security.weak-credential.")
    public String check;
    @JsonPropertyDescription("critical, warning or info.")
    public String severity;
    @JsonPropertyDescription("Kind/name of the object.")
    public String object;
    @JsonPropertyDescription("What fails, without any credential value.")
    public String message;
    @JsonPropertyDescription("Set when an acceptance of this finding has expired (its last day, YYYY-MM-DD): it counts again.")
    public String acceptanceExpired;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AcceptedStatus {
    @JsonPropertyDescription("Check id, e.g. security.host-ids.")
    public String check;
    @JsonPropertyDescription("critical, warning or info.")
    public String severity;
    @JsonPropertyDescription("Kind/name of the object.")
    public String object;
    @JsonPropertyDescription("What fails, without any credential value.")
    public String message;
    @JsonPropertyDescription("annotation (envprofile.dev/accept on the object) or profile (spec.acceptedFindings).")
    public String source;
    @JsonPropertyDescription("The reason given, as given (bounded to 512 characters, masked like every message).")
    public String reason;
    @JsonPropertyDescription("Last day the acceptance holds (YYYY-MM-DD); unset: no expiry.")
    public String expires;
  }
}
