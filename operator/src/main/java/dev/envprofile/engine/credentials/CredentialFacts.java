package dev.envprofile.engine.credentials;

import dev.envprofile.engine.facts.EnvResolver;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which ConfigMap keys, Secret keys and literal env values are credentials (docs/rules/credentials.md), and
 * every credential value seen, so that nothing that prints can show one.
 */
public final class CredentialFacts {
  /** Why a ConfigMap key is a credential, for messages (never the value). */
  public enum Why { NAME, URL_PASSWORD, READ_AS_CREDENTIAL, FILE_SETTINGS, EMBEDDED }

  /**
   * A literal env value that is a credential.
   *
   * @param movable false when the value also refers to other variables: a Secret would stop
   *     Kubernetes from expanding them, so it stays and is reported
   */
  public record Literal(Workload workload, Container container, String name, String value, boolean movable) {}

  /**
   * A credential on a container's command line (command or args). Nothing moves it: only the
   * container's own command can read it from elsewhere, so it is reported.
   *
   * @param what how it is passed ("--db-password", "-p (mysql)", "URL password"), never the value
   */
  public record Arg(Workload workload, Container container, String what, String value) {}

  /** Secret types whose keys are named like credentials but are the platform's own plumbing. */
  private static final Set<String> NOT_CREDENTIAL_TYPES = Set.of("kubernetes.io/service-account-token",
      "kubernetes.io/dockercfg", "kubernetes.io/dockerconfigjson", "bootstrap.kubernetes.io/token", "helm.sh/release.v1");

  private final CredentialNames names;
  private final Map<String, Map<String, Why>> configMapKeys = new TreeMap<>();
  private final Map<String, Map<String, String>> secretKeys = new TreeMap<>();
  private final Map<Workload, List<Literal>> literals = new LinkedHashMap<>();
  private final Map<Workload, List<Arg>> args = new LinkedHashMap<>();
  private final Set<String> values = new HashSet<>();

  private CredentialFacts(CredentialNames names) {
    this.names = names;
  }

  public static CredentialFacts compute(Facts facts) {
    CredentialFacts cf = new CredentialFacts(new CredentialNames(facts.settings().secrets().extraKeyPatterns()));
    Inventory inv = facts.inventory();
    Map<String, Set<String>> readAs = keysReadAsCredential(inv, cf.names);
    for (ConfigMap cm : inv.configMaps()) {
      cf.scanConfigMap(cm, readAs.getOrDefault(cm.getMetadata().getName(), Set.of()));
    }
    for (Secret s : inv.secrets()) {
      if (s.getType() != null && NOT_CREDENTIAL_TYPES.contains(s.getType())) {
        continue;
      }
      Map<String, String> creds = new TreeMap<>();
      EnvResolver.secretData(s).forEach((k, v) -> {
        cf.values.add(v);
        List<EmbeddedCredentials.Found> embedded = EmbeddedCredentials.find(v);
        embedded.forEach(f -> cf.values.add(f.secret()));
        if (ConfigFileSettings.isFile(k, v)) {
          ConfigFileSettings.find(v, cf.names).forEach(f -> cf.values.add(f.value()));
        }
        if (cf.names.matches(k) && CredentialValues.plausible(k, v) || !embedded.isEmpty()) {
          creds.put(k, v);
        }
      });
      if (!creds.isEmpty()) {
        cf.secretKeys.put(s.getMetadata().getName(), creds);
      }
    }
    for (Workload w : inv.allWorkloads()) {
      List<Literal> found = new ArrayList<>();
      List<Arg> onCommandLine = new ArrayList<>();
      for (Container c : w.allContainers()) {
        cf.scanLiterals(w, c, found);
        cf.scanArgs(w, c, onCommandLine);
      }
      if (!found.isEmpty()) {
        cf.literals.put(w, found);
      }
      if (!onCommandLine.isEmpty()) {
        cf.args.put(w, onCommandLine);
      }
    }
    return cf;
  }

  private void scanConfigMap(ConfigMap cm, Set<String> readAsCredential) {
    Map<String, Why> keys = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(EnvResolver.data(cm)).entrySet()) {
      String k = e.getKey();
      String v = e.getValue() == null ? "" : e.getValue();
      Why why = null;
      boolean file = ConfigFileSettings.isFile(k, v);
      List<ConfigFileSettings.Setting> settings = file ? ConfigFileSettings.find(v, names) : List.of();
      List<EmbeddedCredentials.Found> embedded = file ? List.of() : EmbeddedCredentials.find(v);
      if (names.matches(k) && CredentialValues.plausible(k, v)) {
        why = Why.NAME;
      } else if (UserInfo.hasPassword(v)) {
        why = Why.URL_PASSWORD;
      } else if (readAsCredential.contains(k) && CredentialValues.plausible(k, v)) {
        why = Why.READ_AS_CREDENTIAL;
      } else if (!settings.isEmpty()) {
        why = Why.FILE_SETTINGS;
      } else if (!embedded.isEmpty()) {
        why = Why.EMBEDDED;
      }
      if (why != null) {
        keys.put(k, why);
        values.add(v);
        UserInfo.passwords(v).forEach(values::add);
        settings.forEach(s -> values.add(s.value()));
        embedded.forEach(f -> values.add(f.secret()));
      }
    }
    if (!keys.isEmpty()) {
      configMapKeys.put(cm.getMetadata().getName(), keys);
    }
  }

  private void scanLiterals(Workload w, Container c, List<Literal> found) {
    if (c.getEnv() == null) {
      return;
    }
    for (EnvVar v : c.getEnv()) {
      if (v.getValueFrom() != null || v.getValue() == null || v.getValue().isEmpty()) {
        continue;
      }
      String value = v.getValue();
      boolean byName = names.matches(v.getName()) && CredentialValues.plausible(v.getName(), value);
      List<EmbeddedCredentials.Found> embedded = EmbeddedCredentials.find(value);
      if (byName || !embedded.isEmpty()) {
        found.add(new Literal(w, c, v.getName(), value, !UserInfo.hasReference(value)));
        values.add(value);
        embedded.forEach(f -> values.add(f.secret()));
      }
    }
  }

  private void scanArgs(Workload w, Container c, List<Arg> found) {
    List<String> line = new ArrayList<>();
    if (c.getCommand() != null) {
      line.addAll(c.getCommand());
    }
    if (c.getArgs() != null) {
      line.addAll(c.getArgs());
    }
    for (ArgCredentials.Found f : ArgCredentials.find(line, names)) {
      found.add(new Arg(w, c, f.what(), f.value()));
      values.add(f.value());
    }
  }

  /** ConfigMap keys that some container reads (configMapKeyRef) into a variable named like a credential. */
  private static Map<String, Set<String>> keysReadAsCredential(Inventory inv, CredentialNames names) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Workload w : inv.allWorkloads()) {
      for (Container c : w.allContainers()) {
        if (c.getEnv() == null) {
          continue;
        }
        for (EnvVar v : c.getEnv()) {
          var ref = v.getValueFrom() == null ? null : v.getValueFrom().getConfigMapKeyRef();
          if (ref != null && ref.getName() != null && names.matches(v.getName())) {
            out.computeIfAbsent(ref.getName(), k -> new HashSet<>()).add(ref.getKey());
          }
        }
      }
    }
    return out;
  }

  public CredentialNames names() {
    return names;
  }

  /** ConfigMap name to its credential keys and why, sorted. */
  public Map<String, Map<String, Why>> configMapKeys() {
    return configMapKeys;
  }

  public Map<String, Why> credentialKeys(String configMap) {
    return configMapKeys.getOrDefault(configMap, Map.of());
  }

  /** Secret name to its credential keys and values, for security.weak-credential. */
  public Map<String, Map<String, String>> secretKeys() {
    return secretKeys;
  }

  public List<Literal> literals(Workload w) {
    return literals.getOrDefault(w, List.of());
  }

  /** Credentials on the workload's command lines, for security.secrets-in-args. */
  public List<Arg> args(Workload w) {
    return args.getOrDefault(w, List.of());
  }

  /** Every credential value seen, for masking anything that would print one. */
  public Set<String> values() {
    return values;
  }
}
