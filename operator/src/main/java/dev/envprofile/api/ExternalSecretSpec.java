package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalSecretSpec {
  @Required
  @JsonPropertyDescription("The SecretStore or ClusterSecretStore that holds the credentials.")
  public SecretStoreRef secretStoreRef;

  @Default("\"{namespace}/{name}\"")
  @JsonPropertyDescription("Remote key of each credential. Placeholders: {namespace}, {name} (source ConfigMap or workload), {key}.")
  public String remoteKeyTemplate;

  @Default("1h")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
  @JsonPropertyDescription("How often External Secrets Operator refreshes the target Secret (a Go duration such as 1h or 15m).")
  public String refreshInterval;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SecretStoreRef {
    @Default("SecretStore")
    @JsonPropertyDescription("SecretStore (in the profile's namespace, the default) or ClusterSecretStore (only where the administrator's policy allows it).")
    public StoreKind kind;

    @Required
    @JsonPropertyDescription("Name of the store.")
    public String name;
  }

  public enum StoreKind { SecretStore, ClusterSecretStore }
}
