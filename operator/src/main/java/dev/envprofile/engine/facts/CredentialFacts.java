package dev.envprofile.engine.facts;

import java.util.Set;

/** Which ConfigMap keys, Secret keys and literal env values are credentials, and which are weak. */
public final class CredentialFacts {
  private CredentialFacts() {}

  public static CredentialFacts compute(Facts facts) {
    return new CredentialFacts();
  }

  /** Every credential value seen, for masking anything that would print one. */
  public Set<String> values() {
    return Set.of();
  }
}
