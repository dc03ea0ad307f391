package dev.envprofile.engine.rewrite;

/** Credentials in ConfigMaps and literal env values move into Secrets or ExternalSecrets; consumers read them there. */
public final class CredentialRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
