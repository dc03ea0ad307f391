package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * Whether a pod mounts an API token it does not use. A pod is taken to use the API when it runs
 * under its own service account, or when a RoleBinding of the namespace grants the default one
 * something: then the token stays.
 */
public final class ServiceAccountToken {
  private ServiceAccountToken() {}

  public static boolean usesApi(Inventory inv, Workload w) {
    if (!accountName(w).equals("default")) {
      return true;
    }
    for (RoleBinding rb : inv.all(RoleBinding.class)) {
      if (rb.getSubjects() != null) {
        for (Subject s : rb.getSubjects()) {
          if ("ServiceAccount".equals(s.getKind()) && "default".equals(s.getName())) {
            return true;
          }
        }
      }
    }
    return false;
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

  private static String accountName(Workload w) {
    String sa = w.pod().getServiceAccountName();
    if (sa == null || sa.isEmpty()) {
      sa = w.pod().getServiceAccount();
    }
    return sa == null || sa.isEmpty() ? "default" : sa;
  }
}
