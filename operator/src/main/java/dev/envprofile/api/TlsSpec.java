package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.clusterIssuer) && has(self.issuer))",
    message = "tls: set clusterIssuer or issuer, not both")
public class TlsSpec {
  @JsonPropertyDescription("cert-manager ClusterIssuer named in the cert-manager.io/cluster-issuer annotation of Ingresses (default letsencrypt-prod unless issuer is set).")
  public String clusterIssuer;

  @JsonPropertyDescription("Namespaced cert-manager Issuer named in the cert-manager.io/issuer annotation instead of a ClusterIssuer.")
  public String issuer;
}
