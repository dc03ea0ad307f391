package dev.envprofile.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The environment a namespace must look like. */
public enum Tier {
  @JsonProperty("local") LOCAL,
  @JsonProperty("staging") STAGING,
  @JsonProperty("production") PRODUCTION;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
