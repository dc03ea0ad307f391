package dev.envprofile.operator.reconciler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The revert logs, in the operator's own namespace (where the chart's Role lets the operator, and
 * no tenant, write Secrets). Read straight from the API server by name: the log is consulted once
 * per reconcile that may write, never listed, never cached.
 */
public final class RevertLogStore {
  /** The operator's namespace when neither POD_NAMESPACE nor a ServiceAccount token says otherwise. */
  public static final String DEFAULT_NAMESPACE = "envprofile-system";

  private final KubernetesClient client;
  private final String namespace;

  public RevertLogStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  String namespace() {
    return namespace;
  }

  /** The profile's log; empty when there is none. {@link RevertLog.Unreadable} when it is not the operator's or breaks a bound. */
  RevertLog read(EnvironmentProfile profile) {
    Secret s = client.secrets().inNamespace(namespace).withName(RevertLog.secretName(profile)).get();
    if (s != null && !RevertLog.isRevertLog(s)) {
      throw new RevertLog.Unreadable("Secret " + namespace + "/" + RevertLog.secretName(profile)
          + " is not labelled as a revert log");
    }
    return RevertLog.from(s);
  }

  void write(RevertLog log, EnvironmentProfile profile, Writer writer) {
    ObjectNode secret = log.toSecret(profile, namespace);
    writer.apply(secret);
  }

  /** Deletes the profile's log, and the log older releases kept in the profile's own namespace. */
  void delete(EnvironmentProfile profile) {
    client.secrets().inNamespace(namespace).withName(RevertLog.secretName(profile)).delete();
    String ns = profile.getMetadata().getNamespace();
    Secret legacy = client.secrets().inNamespace(ns).withName(RevertLog.legacyName(profile)).get();
    if (legacy != null && RevertLog.isRevertLog(legacy)) {
      client.secrets().inNamespace(ns).withName(RevertLog.legacyName(profile)).delete();
    }
  }
}
