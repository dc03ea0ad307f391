package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** {@code security.secrets-in-env}. */
public final class SecretsInEnvCheck extends WorkloadCheck {
  public SecretsInEnvCheck() {
    super(CheckInfo.of("security.secrets-in-env", Severity.CRITICAL, Fix.YES,
        "A literal env value is a credential: named like one, or embedding one (a URL with a password, a connection-string password, an Authorization or Bearer header, a well-known token prefix).",
        "Moves the value to a generated Secret (or ExternalSecret) and replaces the literal by a secretKeyRef. A value with $(VAR) references stays a literal: Kubernetes expands them only there.",
        "env POSTGRES_PASSWORD: dev-password"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<CredentialFacts.Literal> literals = facts.credentials().literals(w);
    if (literals.isEmpty()) {
      return pass();
    }
    List<String> names = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (CredentialFacts.Literal l : literals) {
      names.add(l.name() + " (container " + l.container().getName() + ")");
      if (!l.movable()) {
        stuck.add(l.name());
      }
    }
    return fail(stuck.isEmpty(), w + " has credentials in literal env values: "
        + String.join(", ", names) + (stuck.isEmpty() ? "" : "; " + String.join(", ", stuck)
        + " also refer to other variables with $(VAR), which only literals expand: put the whole value in a Secret by hand"));
  }
}
