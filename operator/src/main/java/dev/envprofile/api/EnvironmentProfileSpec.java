package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;

/** Desired tier and the knobs that tune its rewrites. Unset fields take the tier's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentProfileSpec {
  @Required
  @JsonPropertyDescription("Target tier: local (rewrites nothing), staging or production. Sets the defaults of every other field.")
  public Tier tier;

  @Default("Enforce")
  @JsonPropertyDescription("Enforce rewrites the namespace's workloads into the tier's shape; Audit only writes this profile's status.")
  public Mode mode;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Parity (percent of production checks passing) at which condition ParityTargetMet becomes True. Default: local 0, staging 80, production 95.")
  public Integer parityTarget;

  @JsonPropertyDescription("Label selector over workloads (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs). Empty selects every workload in the namespace.")
  public LabelSelector selector;

  @Default("Retain")
  @JsonPropertyDescription("What deleting the profile does: Retain keeps the production shape and drops owner references; Revert restores what the profile changed and removes what it generated (never PVCs).")
  public DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("Conversion of data emptyDirs and stateful servers to StatefulSets with volumeClaimTemplates.")
  public StorageSpec storage;

  @JsonPropertyDescription("Where credentials found in ConfigMaps and literal env values move to.")
  public SecretsSpec secrets;

  @JsonPropertyDescription("Generated NetworkPolicies: default deny plus the flows the workloads use.")
  public NetworkSpec network;

  @JsonPropertyDescription("TLS for Ingress hosts through a cert-manager issuer.")
  public TlsSpec tls;

  @JsonPropertyDescription("Replicas, resources, probes, disruption budgets, autoscaling, pod security and env overrides.")
  public WorkloadsSpec workloads;

  @JsonPropertyDescription("Image rewrites applied to every container.")
  public ImagesSpec images;

  @io.fabric8.generator.annotation.Size(max = MAX_ACCEPTED)
  @JsonPropertyDescription("Findings the team accepts: they leave parity's denominator and stay listed in status.accepted and every report. Per object, the annotations envprofile.dev/accept and envprofile.dev/accept-reason do the same.")
  public java.util.List<AcceptedFinding> acceptedFindings;

  public static final int MAX_ACCEPTED = 100;
}
