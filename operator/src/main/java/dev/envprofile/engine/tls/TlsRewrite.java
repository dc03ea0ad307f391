package dev.envprofile.engine.tls;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Names;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.rewrite.Rewrite;
import dev.envprofile.engine.rewrite.WorkingSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every host of every Ingress gets a tls entry and the Ingress a cert-manager issuer annotation.
 * Existing entries stay as they are; new hosts go into one entry whose Secret is {@code <ingress>-tls}.
 */
public final class TlsRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    Settings.Tls tls = ws.settings().tls();
    if (!tls.enabled()) {
      return;
    }
    for (Ingress ing : ws.inventory().ingresses()) {
      if (Labels.isIgnored(ing) || ing.getSpec() == null) {
        continue;
      }
      List<String> uncovered = IngressHosts.uncovered(ing);
      List<String> done = new ArrayList<>();
      if (!uncovered.isEmpty()) {
        String secret = Names.fit(ing.getMetadata().getName(), "-tls", Names.DNS_SUBDOMAIN);
        List<IngressTLS> entries = ing.getSpec().getTls() == null ? new ArrayList<>() : new ArrayList<>(ing.getSpec().getTls());
        IngressTLS ours = entries.stream().filter(t -> secret.equals(t.getSecretName())).findFirst().orElse(null);
        if (ours == null) {
          entries.add(new IngressTLS(new ArrayList<>(uncovered), secret));
        } else {
          List<String> hosts = ours.getHosts() == null ? new ArrayList<>() : new ArrayList<>(ours.getHosts());
          hosts.addAll(uncovered);
          ours.setHosts(hosts);
        }
        ing.getSpec().setTls(entries);
        done.add("tls for " + String.join(", ", uncovered) + " in Secret " + secret);
      }
      boolean hasHost = !IngressHosts.hosts(ing).isEmpty();
      Map<String, String> a = ing.getMetadata().getAnnotations();
      if (hasHost && (a == null || !a.containsKey(Labels.CLUSTER_ISSUER) && !a.containsKey(Labels.ISSUER))) {
        a = a == null ? new LinkedHashMap<>() : a;
        if (tls.issuer() != null) {
          a.put(Labels.ISSUER, tls.issuer());
        } else {
          a.put(Labels.CLUSTER_ISSUER, tls.clusterIssuer());
        }
        ing.getMetadata().setAnnotations(a);
        done.add("issuer annotation");
      }
      if (!done.isEmpty()) {
        ws.recordRewrite(ing, "TLSAdded", "Ingress/" + ing.getMetadata().getName() + ": " + String.join(", ", done));
      }
    }
  }
}
