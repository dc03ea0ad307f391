package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.provider) || self.provider != 'ExternalSecret' || has(self.externalSecret)",
    message = "secrets.externalSecret is required when secrets.provider is ExternalSecret")
public class SecretsSpec {
  @JsonPropertyDescription("Secret copies credential values into generated Secrets; ExternalSecret writes External Secrets Operator ExternalSecrets and copies no value into the cluster. Default: Secret.")
  public Provider provider;

  @JsonPropertyDescription("Remove migrated keys from ConfigMaps once no consumer reads them there (default true). Non-credential keys always stay.")
  public Boolean scrubConfigMaps;

  @JsonPropertyDescription("Settings of generated ExternalSecrets; required when provider is ExternalSecret.")
  public ExternalSecretSpec externalSecret;

  @JsonPropertyDescription("Extra regular expressions (case-insensitive) naming credential keys, in addition to PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL.")
  public List<String> extraKeyPatterns;

  public enum Provider { Secret, ExternalSecret }
}
