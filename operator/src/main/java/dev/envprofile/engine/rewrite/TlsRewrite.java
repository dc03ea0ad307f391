package dev.envprofile.engine.rewrite;

/** Every Ingress host gets a tls entry and the cert-manager issuer annotation. */
public final class TlsRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
