package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.autoscaling) || !has(self.autoscaling.maxReplicas) || !has(self.minReplicas) || self.autoscaling.maxReplicas >= self.minReplicas",
    message = "workloads.autoscaling.maxReplicas must be at least workloads.minReplicas")
public class WorkloadsSpec {
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Minimum replicas of stateless workloads (default: local 1, staging 2, production 3). Stateful workloads are never scaled.")
  public Integer minReplicas;

  @JsonPropertyDescription("Requests and limits filled in where a container has none (default requests cpu 100m, memory 128Mi; limit memory 512Mi).")
  public ResourcesSpec resources;

  @JsonPropertyDescription("Generate a PodDisruptionBudget for workloads with more than one replica (default: production only).")
  public Boolean podDisruptionBudget;

  @JsonPropertyDescription("HorizontalPodAutoscaler for stateless workloads (production only, when enabled).")
  public AutoscalingSpec autoscaling;

  @JsonPropertyDescription("Pod Security Standards level to reach: none, baseline or restricted (default: local none, staging baseline, production restricted).")
  public PodSecurity podSecurity;

  @JsonPropertyDescription("Env overrides for this tier, applied to every container that sets the variable, e.g. {DEBUG: \"False\", LOG_LEVEL: info}. A null value removes the variable.")
  public Map<String, String> env;

  public enum PodSecurity {
    @com.fasterxml.jackson.annotation.JsonProperty("none") NONE,
    @com.fasterxml.jackson.annotation.JsonProperty("baseline") BASELINE,
    @com.fasterxml.jackson.annotation.JsonProperty("restricted") RESTRICTED
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ResourcesSpec {
    @JsonPropertyDescription("Default requests, e.g. {cpu: 100m, memory: 128Mi}.")
    public Map<String, String> requests;

    @JsonPropertyDescription("Default limits, e.g. {memory: 512Mi}.")
    public Map<String, String> limits;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AutoscalingSpec {
    @JsonPropertyDescription("Generate HorizontalPodAutoscalers (default false).")
    public Boolean enabled;

    @Min(1)
    @JsonPropertyDescription("Upper bound of each HPA (default 10).")
    public Integer maxReplicas;

    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Average CPU utilization target (default 70).")
    public Integer targetCPUUtilizationPercentage;
  }
}
