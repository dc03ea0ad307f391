package dev.envprofile.engine.facts;

import dev.envprofile.engine.Settings;
import dev.envprofile.engine.credentials.CredentialFacts;
import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.network.FlowFacts;
import dev.envprofile.engine.storage.StorageFacts;
import io.fabric8.kubernetes.api.model.Container;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is derived once from an inventory and read by every check and rewrite: effective env,
 * credentials, storage and stateful servers, network flows. Each area is computed on first use.
 */
public final class Facts {
  private final Inventory inventory;
  private final Settings settings;
  private final Map<Container, List<EnvEntry>> env = new IdentityHashMap<>();
  private final Map<Container, List<ConfigText>> texts = new IdentityHashMap<>();
  private CredentialFacts credentials;
  private StorageFacts storage;
  private FlowFacts flows;
  private Map<String, List<Workload>> configMapConsumers;
  private final Map<Workload, List<?>> configValues = new IdentityHashMap<>();

  public Facts(Inventory inventory, Settings settings) {
    this.inventory = inventory;
    this.settings = settings;
  }

  public Inventory inventory() {
    return inventory;
  }

  public Settings settings() {
    return settings;
  }

  /** The container's effective environment (see {@link EnvResolver#effectiveEnv}). */
  public List<EnvEntry> env(Container c) {
    return env.computeIfAbsent(c, k -> EnvResolver.effectiveEnv(k, inventory));
  }

  /** Config files mounted from ConfigMaps, command and args of a container of {@code w}. */
  public List<ConfigText> texts(Workload w, Container c) {
    return texts.computeIfAbsent(c, k -> EnvResolver.configTexts(k, w.pod(), inventory));
  }

  /** A workload's configuration values, computed once for the several checks that read them. */
  @SuppressWarnings("unchecked")
  public <T> List<T> configValues(Workload w, java.util.function.Supplier<List<T>> compute) {
    return (List<T>) configValues.computeIfAbsent(w, k -> compute.get());
  }

  /** Workloads (selected or not) that refer to the ConfigMap in env, envFrom or a volume. */
  public List<Workload> configMapConsumers(String configMap) {
    if (configMapConsumers == null) {
      configMapConsumers = new java.util.HashMap<>();
      for (Workload w : inventory.allWorkloads()) {
        for (String cm : ConfigMapNames.referencedBy(w)) {
          configMapConsumers.computeIfAbsent(cm, k -> new java.util.ArrayList<>()).add(w);
        }
      }
    }
    return configMapConsumers.getOrDefault(configMap, List.of());
  }

  public CredentialFacts credentials() {
    if (credentials == null) {
      credentials = CredentialFacts.compute(this);
    }
    return credentials;
  }

  public StorageFacts storage() {
    if (storage == null) {
      storage = StorageFacts.compute(this);
    }
    return storage;
  }

  public FlowFacts flows() {
    if (flows == null) {
      flows = FlowFacts.compute(this);
    }
    return flows;
  }
}
