package dev.envprofile.engine.rewrite;

/** Deployments with data on emptyDir (or a stateful server without a volume) become StatefulSets with volumeClaimTemplates. */
public final class StorageRewrite implements Rewrite {
  @Override
  public void apply(WorkingSet ws) {
    // TODO implement
  }
}
