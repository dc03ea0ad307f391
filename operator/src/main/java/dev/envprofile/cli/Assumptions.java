package dev.envprofile.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envprofile.cli.output.Assumption;
import dev.envprofile.engine.Settings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI assumes about the cluster because the profile does not say: the cert-manager issuer,
 * the ingress controller's namespace, and that nothing outside the cluster is reachable beyond the
 * hosts the configuration names. Each is announced once, with the profile field that changes it, and
 * only when it matters for the input (an Ingress, policies being generated): a cluster on Traefik in
 * kube-system would otherwise go dark without a word.
 */
final class Assumptions {
  private Assumptions() {}

  /**
   * @param spec the profile's spec as written (null fields are the defaults)
   */
  static List<Assumption> of(JsonNode spec, Settings settings, List<HasMetadata> objects) {
    List<Assumption> out = new ArrayList<>();
    boolean ingress = objects.stream().anyMatch(o -> "Ingress".equals(o.getKind())
        && (o.getMetadata().getNamespace() == null || settings.namespace().equals(o.getMetadata().getNamespace())));
    JsonNode tls = spec.path("tls");
    if (ingress && settings.tls().enabled() && !tls.hasNonNull("clusterIssuer") && !tls.hasNonNull("issuer")) {
      out.add(new Assumption("spec.tls.clusterIssuer", settings.tls().clusterIssuer(),
          "TLS certificates assumed from the cert-manager ClusterIssuer " + settings.tls().clusterIssuer()
              + " (spec.tls.clusterIssuer, or spec.tls.issuer for a namespaced Issuer)"));
    }
    JsonNode net = spec.path("network");
    Settings.Network n = settings.network();
    if (ingress && n.defaultDeny() && !net.hasNonNull("ingressControllerNamespace")) {
      out.add(new Assumption("spec.network.ingressControllerNamespace", n.ingressControllerNamespace(),
          "ingress controller assumed in namespace " + n.ingressControllerNamespace() + ", serving ingress classes "
              + String.join(", ", n.ingressClassNames()) + " (spec.network.ingressControllerNamespace)"));
    }
    if (n.defaultDeny() && !net.hasNonNull("egressCIDRs")) {
      out.add(new Assumption("spec.network.egressCIDRs", "",
          (n.externalEgress() == dev.envprofile.api.NetworkSpec.ExternalEgress.Port
              ? "egress outside the cluster assumed needed only on the ports of hosts the configuration names"
              : "no egress outside the cluster assumed needed")
              + ": no address range allowed (spec.network.egressCIDRs)"));
    }
    return out;
  }
}
