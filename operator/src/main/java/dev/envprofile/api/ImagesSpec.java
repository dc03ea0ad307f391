package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagesSpec {
  @JsonPropertyDescription("Registry prefixes replaced in every container image, first match wins, e.g. {from: localhost:5000, to: registry.example.com}.")
  public List<RegistryRewrite> registryRewrites;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class RegistryRewrite {
    @Required
    @JsonPropertyDescription("Registry (host[:port][/path]) to replace, matched as a prefix of the image reference.")
    public String from;

    @Required
    @JsonPropertyDescription("Registry to use instead.")
    public String to;
  }
}
