package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.WorkloadCheck;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code security.secrets-in-args}. Not fixable: moving the value into a Secret means adding an env
 * variable and rewriting the command to read it ($(VAR)), which changes the container's environment
 * and its command line; the promise is to keep the application working, so the engine reports.
 */
public final class SecretsInArgsCheck extends WorkloadCheck {
  public SecretsInArgsCheck() {
    super(CheckInfo.of("security.secrets-in-args", Severity.CRITICAL, Fix.NO,
        "A container's command or args hold a credential: --password=x, --db-password x, NAME_PASSWORD=x, mysql's -px, a URL with a password, a connection-string password, an Authorization or Bearer header, or a well-known token prefix. A $(VAR), ${VAR} or $VAR reference is not one.",
        "Nothing: only a change of the container's environment and command could move it. Put the value in a Secret, read it into an env variable with secretKeyRef, and refer to it as $(VAR) in the args. The finding names the flag, never the value.",
        "args: [\"--db-password=s3cr3t\"]"));
  }

  @Override
  protected Verdict verdict(Workload w, Inventory inventory, Facts facts, Settings settings) {
    List<CredentialFacts.Arg> args = facts.credentials().args(w);
    if (args.isEmpty()) {
      return pass();
    }
    TreeSet<String> where = new TreeSet<>();
    args.forEach(a -> where.add(a.what() + " (container " + a.container().getName() + ")"));
    return fail(false, w + " has credentials on its command line: "
        + String.join(", ", where) + ": move them to a Secret and pass them as $(VAR) from a secretKeyRef variable");
  }
}
