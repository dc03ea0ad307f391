package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.checks.Subjects;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code security.secrets-in-configmap}. */
public final class SecretsInConfigMapCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.secrets-in-configmap", Severity.CRITICAL, Fix.YES,
      "A ConfigMap holds a credential: a key named like one (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL, PASSWD, extraKeyPatterns), a key read into such an env variable, a value embedding a credential (user:password@ or :password@ in a URL, ?password= in a URL, Password= or Pwd= in a connection string, an Authorization or Bearer header, a well-known token prefix such as ghp_, xoxb-, sk_live_ or AKIA), or a file (properties, .env, YAML, JSON, INI) with such a setting at any depth. A boolean, or a number or duration under a name that measures (TOKEN_EXPIRY_SECONDS=3600), is not a credential.",
      "Moves the credential keys to a generated Secret (or ExternalSecret), points every consumer at it, and scrubs them from the ConfigMap once nothing reads them there.",
      "ConfigMap/api-env key DB_PASSWORD");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    for (ConfigMap cm : Subjects.configMaps(inventory, facts, Subjects.selectsAll(settings))) {
      Map<String, CredentialFacts.Why> keys = facts.credentials().credentialKeys(cm.getMetadata().getName());
      if (keys.isEmpty()) {
        out.add(CheckResult.pass(INFO, inventory.refOf(cm)));
        continue;
      }
      List<String> described = new ArrayList<>();
      keys.forEach((k, why) -> described.add(switch (why) {
        case NAME -> k;
        case URL_PASSWORD -> k + " (URL with a password)";
        case READ_AS_CREDENTIAL -> k + " (read into a credential variable)";
        case FILE_SETTINGS -> k + " (file with credential settings)";
        case EMBEDDED -> k + " (value embeds a credential: connection string, URL parameter, header or token)";
      }));
      boolean fixable = Subjects.readBySelected(inventory, facts, cm.getMetadata().getName(), keys.keySet());
      out.add(CheckResult.fail(INFO, inventory.refOf(cm), fixable, "ConfigMap/" + cm.getMetadata().getName()
          + " holds credentials: " + String.join(", ", described)
          + (fixable ? "" : "; no managed workload reads them, so Enforce leaves them: move them to a Secret by hand")));
    }
  }
}
