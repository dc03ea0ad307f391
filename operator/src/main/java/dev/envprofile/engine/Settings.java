package dev.envprofile.engine;

import com.google.re2j.Pattern;
import dev.envprofile.api.DeletionPolicy;
import dev.envprofile.api.Mode;
import dev.envprofile.api.NetworkSpec.ExternalEgress;
import dev.envprofile.api.NetworkSpec.UnknownPeers;
import dev.envprofile.api.SecretsSpec.Provider;
import dev.envprofile.api.Tier;
import dev.envprofile.api.WorkloadsSpec.PodSecurity;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * A profile with every default of its tier filled in: what the rewrites apply. {@link #production()}
 * holds the levels the checks measure against, which are production's whatever the tier, so that
 * parity always means distance from production. {@link #today} is the date acceptances expire
 * against (UTC): the caller's clock, so that the engine stays a function of its inputs.
 */
public record Settings(
    String namespace,
    Tier tier,
    Mode mode,
    int parityTarget,
    LabelSelector selector,
    DeletionPolicy deletionPolicy,
    Storage storage,
    Secrets secrets,
    Network network,
    Tls tls,
    Workloads workloads,
    List<RegistryRewrite> registryRewrites,
    Workloads production,
    List<Accept> acceptedFindings,
    java.time.LocalDate today) {

  /** Whether Enforce rewrites anything at this tier: local only reports. */
  public boolean rewrites() {
    return tier != Tier.LOCAL;
  }

  public record Storage(boolean convertEmptyDir, String storageClassName, String size, List<String> accessModes) {}

  public record Secrets(boolean migrate, Provider provider, boolean scrubConfigMaps, ExternalStore externalStore,
                        List<Pattern> extraKeyPatterns) {}

  public record ExternalStore(String storeKind, String storeName, String remoteKeyTemplate, String refreshInterval) {}

  /**
   * @param ingressClassNames the classes the controller in ingressControllerNamespace serves
   * @param monitoringNamespace where the Prometheus that scrapes the workloads runs
   */
  public record Network(boolean defaultDeny, boolean allowDNS, String ingressControllerNamespace,
                        List<String> egressCIDRs, ExternalEgress externalEgress, UnknownPeers unknownPeers,
                        List<String> ingressClassNames, String monitoringNamespace) {}

  /** Exactly one of clusterIssuer and issuer is set when TLS is on. */
  public record Tls(boolean enabled, String clusterIssuer, String issuer) {}

  /**
   * @param env overrides; a null value removes the variable
   */
  public record Workloads(int minReplicas, Map<String, String> requests, Map<String, String> limits,
                          boolean defaultResources, boolean probes, boolean podDisruptionBudget,
                          boolean autoscaling, int maxReplicas, int targetCPU, PodSecurity podSecurity,
                          Map<String, String> env) {}

  public record RegistryRewrite(String from, String to) {}

  /**
   * One entry of spec.acceptedFindings, checked.
   *
   * @param objects Kind/name globs (* and ?), matched without regular expressions
   * @param expires the last day it holds (UTC), or null
   */
  public record Accept(String check, List<String> objects, String reason, java.time.LocalDate expires) {}
}
