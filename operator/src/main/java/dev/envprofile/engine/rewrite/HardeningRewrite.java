package dev.envprofile.engine.rewrite;

/** Pod security settings of the level, automountServiceAccountToken, and the profile's env overrides. */
public final class HardeningRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
