package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a container runs as a user or group that also exists on the node: ids below 10000 are
 * the host's range (system accounts, the first users), so a process that escapes the container
 * acts on the node's files as one of them. Judged on the effective securityContext (the
 * container's over the pod's); an id left unset is the image's, typically root or a low id.
 */
public final class HostIds {
  public static final long FIRST_SAFE_ID = 10_000;

  private HostIds() {}

  /** "runAsUser", "runAsGroup" or both when the container's id is unset or in the host's range. */
  public static List<String> inHostRange(Workload w, Container c) {
    SecurityContext sc = c.getSecurityContext();
    PodSecurityContext pod = w.pod().getSecurityContext();
    Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
    Long gid = sc != null && sc.getRunAsGroup() != null ? sc.getRunAsGroup() : pod == null ? null : pod.getRunAsGroup();
    List<String> out = new ArrayList<>();
    if (uid == null || uid < FIRST_SAFE_ID) {
      out.add(uid == null ? "runAsUser unset" : "runAsUser " + uid);
    }
    if (gid == null || gid < FIRST_SAFE_ID) {
      out.add(gid == null ? "runAsGroup unset" : "runAsGroup " + gid);
    }
    return out;
  }
}
