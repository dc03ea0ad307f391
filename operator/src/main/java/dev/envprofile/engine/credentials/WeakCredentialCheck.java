package dev.envprofile.engine.credentials;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Settings;
import dev.envprofile.engine.checks.Check;
import dev.envprofile.engine.checks.Plural;
import dev.envprofile.engine.checks.Subjects;
import dev.envprofile.engine.facts.EnvResolver;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.model.Fix;
import dev.envprofile.engine.model.Severity;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code security.weak-credential}. */
public final class WeakCredentialCheck implements Check {
  public static final CheckInfo INFO = CheckInfo.of("security.weak-credential", Severity.CRITICAL, Fix.NO,
      "A credential value is a well-known dev default: postgres, password, admin, changeme, minioadmin, root, secret, test, dev-*, *-dev, an empty value, or the user name.",
      "Nothing: production needs a new credential. The finding names the key, never the value.",
      "POSTGRES_PASSWORD=postgres");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public void evaluate(Inventory inventory, Facts facts, Settings settings, List<CheckResult> out) {
    CredentialFacts cf = facts.credentials();
    for (ConfigMap cm : Subjects.configMaps(inventory, facts, Subjects.selectsAll(settings))) {
      Map<String, CredentialFacts.Why> keys = cf.credentialKeys(cm.getMetadata().getName());
      if (!keys.isEmpty()) {
        Map<String, String> data = EnvResolver.data(cm);
        List<String> weak = new ArrayList<>();
        keys.forEach((k, why) -> {
          if (isWeak(k, data.get(k), why, data, cf.names())) {
            weak.add(k);
          }
        });
        report(inventory, cm, weak, out);
      }
    }
    cf.secretKeys().forEach((name, values) -> {
      Secret s = inventory.secret(name);
      if (s == null || Labels.isIgnored(s)) {
        return;
      }
      Map<String, String> all = EnvResolver.secretData(s);
      List<String> weak = new ArrayList<>();
      values.forEach((k, v) -> {
        if (isWeak(k, v, cf.names().matches(k) ? CredentialFacts.Why.NAME : CredentialFacts.Why.EMBEDDED, all, cf.names())) {
          weak.add(k);
        }
      });
      report(inventory, s, weak, out);
    });
    for (Workload w : inventory.workloads()) {
      List<CredentialFacts.Literal> literals = cf.literals(w);
      List<CredentialFacts.Arg> args = cf.args(w);
      if (literals.isEmpty() && args.isEmpty()) {
        continue;
      }
      List<String> weak = new ArrayList<>();
      for (CredentialFacts.Literal l : literals) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar v : l.container().getEnv()) {
          env.put(v.getName(), v.getValue());
        }
        if (isWeak(l.name(), l.value(), cf.names().matches(l.name()) ? CredentialFacts.Why.NAME : CredentialFacts.Why.EMBEDDED,
            env, cf.names())) {
          weak.add("env " + l.name() + " (container " + l.container().getName() + ")");
        }
      }
      for (CredentialFacts.Arg a : args) {
        if (WeakValues.isWeak(a.value(), null)) {
          weak.add("command line " + a.what() + " (container " + a.container().getName() + ")");
        }
      }
      report(inventory, w.object(), weak, out);
    }
  }

  private static void report(Inventory inv, HasMetadata o, List<String> weak, List<CheckResult> out) {
    if (weak.isEmpty()) {
      out.add(CheckResult.pass(INFO, inv.refOf(o)));
    } else {
      out.add(CheckResult.fail(INFO, inv.refOf(o), false, o.getKind() + "/" + o.getMetadata().getName()
          + ": " + String.join(", ", new TreeSet<>(weak)) + " " + Plural.verb(new TreeSet<>(weak).size(), "holds", "hold") + " a well-known dev default: production needs a new credential"));
    }
  }

  /** Weak: a known default, empty, or equal to a user name set next to it (same source). */
  private static boolean isWeak(String key, String value, CredentialFacts.Why why, Map<String, String> siblings,
                                CredentialNames names) {
    if (value == null) {
      return false;
    }
    switch (why) {
      case URL_PASSWORD, EMBEDDED -> {
        for (EmbeddedCredentials.Found f : EmbeddedCredentials.find(value)) {
          if (WeakValues.isWeak(f.secret(), f.user())) {
            return true;
          }
        }
        return false;
      }
      case FILE_SETTINGS -> {
        for (ConfigFileSettings.Setting s : ConfigFileSettings.find(value, names)) {
          if (WeakValues.isWeak(s.value(), null)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        if (WeakValues.isWeak(value, null)) {
          return true;
        }
        for (Map.Entry<String, String> e : siblings.entrySet()) {
          String n = CredentialNames.normalize(e.getKey());
          if (!e.getKey().equals(key) && (n.endsWith("USER") || n.endsWith("USERNAME") || n.endsWith("LOGIN"))
              && WeakValues.isWeak(value, e.getValue())) {
            return true;
          }
        }
        return isWeak(key, value, CredentialFacts.Why.EMBEDDED, siblings, names);
      }
    }
  }
}
