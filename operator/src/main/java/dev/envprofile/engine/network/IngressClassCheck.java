package dev.envprofile.engine.network;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;

/**
 * {@code network.ingress-class}: an Ingress of a class the configured controller does not serve.
 * Its backends stay reachable from every namespace rather than from a controller namespace the
 * engine would have to guess. Reported only when it fails, so that parity is not diluted.
 */
public final class IngressClassCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("network.ingress-class", Severity.WARNING, Fix.NO,
      "An Ingress names a class (spec.ingressClassName or kubernetes.io/ingress.class) that the controller in network.ingressControllerNamespace does not serve (network.ingressClassNames). Reported only when it fails.",
      "Its backends are reachable from every namespace on their ports, so the other controller keeps working. Set network.ingressControllerNamespace and network.ingressClassNames to that controller's to narrow it.",
      "Ingress/shop with ingressClassName: istio while the controller is ingress-nginx");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (Ingress ing : inventory.ingresses()) {
      String cls = Exposure.ingressClass(ing);
      if (Labels.isIgnored(ing) || cls == null || settings.network().ingressClassNames().contains(cls)) {
        continue;
      }
      out.add(CheckResult.fail(INFO, inventory.refOf(ing), false, "Ingress/" + ing.getMetadata().getName()
          + " has class " + cls + ", which the controller in namespace " + settings.network().ingressControllerNamespace()
          + " does not serve (it serves " + String.join(", ", settings.network().ingressClassNames())
          + "): its backends are reachable from every namespace; set network.ingressControllerNamespace and"
          + " network.ingressClassNames to that controller's"));
    }
  }
}
