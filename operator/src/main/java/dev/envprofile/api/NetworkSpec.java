package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkSpec {
  @JsonPropertyDescription("Generate a default-deny NetworkPolicy for ingress and egress plus allow rules for the flows in use. Default: false for local, true otherwise.")
  public Boolean defaultDeny;

  @JsonPropertyDescription("Allow DNS egress to kube-dns (default true).")
  public Boolean allowDNS;

  @JsonPropertyDescription("Namespace of the ingress controller, allowed to reach the pods behind every Ingress backend (default ingress-nginx).")
  public String ingressControllerNamespace;

  @JsonPropertyDescription("Extra egress destinations allowed from every selected pod (CIDRs such as 10.20.0.0/16 for external databases and APIs).")
  public List<String> egressCIDRs;

  @JsonPropertyDescription("Port allows egress to any address on the ports of external hosts named in configuration; Deny allows only egressCIDRs. Default Port.")
  public ExternalEgress externalEgress;

  @JsonPropertyDescription("Namespace lets a workload whose peers cannot be inferred reach, and be reached from, the namespace's other workloads on their Services' ports; Deny gives it DNS only. Default Namespace.")
  public UnknownPeers unknownPeers;

  @JsonPropertyDescription("Ingress classes served by the controller in ingressControllerNamespace. Empty: derived from that namespace's name (ingress-nginx serves nginx, traefik serves traefik). An Ingress of another class gets network.ingress-class and is reachable from every namespace on its backend ports.")
  public List<String> ingressClassNames;

  @JsonPropertyDescription("Namespace of the Prometheus that scrapes the workloads (default monitoring): pods annotated prometheus.io/scrape or selected by a ServiceMonitor or PodMonitor accept it on their metrics port.")
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  public String monitoringNamespace;

  public enum ExternalEgress { Port, Deny }

  public enum UnknownPeers { Namespace, Deny }
}
