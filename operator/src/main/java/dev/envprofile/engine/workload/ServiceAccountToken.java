package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;

/**
 * Whether a pod mounts an API token it does not use. A pod is taken to use the API when it runs
 * under its own service account, or when a RoleBinding of the namespace grants the default one
 * something: then the token stays.
 *
 * <p>A dedicated service account is judged too, as a finding only: when the input defines it, does
 * not turn its token off, and nothing in the input shows it is used (no RoleBinding or
 * ClusterRoleBinding names it, the pod does not ask for the token explicitly, no Vault agent
 * authenticates with it). Bindings often live outside an application's manifests (a cluster
 * repository, a chart of the platform), so turning the token off there could break the pod.
 */
public final class ServiceAccountToken {
  /** Pod annotations of agents that log in with the pod's service account token. */
  private static final List<String> TOKEN_USERS = List.of("vault.hashicorp.com/agent-inject", "vault.hashicorp.com/role");

  private ServiceAccountToken() {}

  public static boolean usesApi(Inventory inv, Workload w) {
    String sa = accountName(w);
    if (!sa.equals("default")) {
      return true;
    }
    return bound(inv, "default");
  }

  /** Mounted and unused: the check fails, and Enforce sets automountServiceAccountToken: false. */
  public static boolean unusedToken(Inventory inv, Workload w) {
    return mounted(inv, w) && !usesApi(inv, w);
  }

  /**
   * Whether the pod gets a token: its own automountServiceAccountToken decides; unset, its service
   * account's does (a ServiceAccount of the input with false mounts none); unset there too, it does.
   */
  static boolean mounted(Inventory inv, Workload w) {
    Boolean pod = w.pod().getAutomountServiceAccountToken();
    if (pod != null) {
      return pod;
    }
    String name = accountName(w);
    for (ServiceAccount sa : inv.all(ServiceAccount.class)) {
      if (name.equals(sa.getMetadata().getName())) {
        return !Boolean.FALSE.equals(sa.getAutomountServiceAccountToken());
      }
    }
    return true;
  }

  /**
   * The dedicated service account whose token the pod mounts while nothing in the input shows it
   * is used, or null. Never rewritten: see the class comment.
   */
  public static String unusedDedicatedToken(Inventory inv, Workload w) {
    String sa = accountName(w);
    if (sa.equals("default") || w.pod().getAutomountServiceAccountToken() != null) {
      return null; // true asks for the token explicitly; false has none
    }
    ServiceAccount account = inv.all(ServiceAccount.class).stream()
        .filter(a -> sa.equals(a.getMetadata().getName())).findFirst().orElse(null);
    if (account == null || Boolean.FALSE.equals(account.getAutomountServiceAccountToken()) || bound(inv, sa)) {
      return null;
    }
    Map<String, String> annotations = w.template().getMetadata() == null ? null : w.template().getMetadata().getAnnotations();
    if (annotations != null && TOKEN_USERS.stream().anyMatch(annotations::containsKey)) {
      return null;
    }
    return sa;
  }

  private static String accountName(Workload w) {
    String sa = w.pod().getServiceAccountName();
    if (sa == null || sa.isEmpty()) {
      sa = w.pod().getServiceAccount();
    }
    return sa == null || sa.isEmpty() ? "default" : sa;
  }

  /** Whether a RoleBinding or ClusterRoleBinding of the input names the namespace's service account. */
  private static boolean bound(Inventory inv, String account) {
    for (RoleBinding rb : inv.all(RoleBinding.class)) {
      if (names(rb.getSubjects(), account, null)) { // any namespace: keeping a token is the safe mistake
        return true;
      }
    }
    for (ClusterRoleBinding crb : inv.all(ClusterRoleBinding.class)) {
      if (names(crb.getSubjects(), account, inv.namespace())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a subject names the service account; in the namespace unless namespace is null. */
  private static boolean names(List<Subject> subjects, String account, String namespace) {
    if (subjects == null) {
      return false;
    }
    for (Subject s : subjects) {
      if ("ServiceAccount".equals(s.getKind()) && account.equals(s.getName())
          && (namespace == null || s.getNamespace() == null || s.getNamespace().equals(namespace))) {
        return true;
      }
    }
    return false;
  }
}
