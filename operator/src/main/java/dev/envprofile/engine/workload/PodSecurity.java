package dev.envprofile.engine.workload;

import dev.envprofile.api.WorkloadsSpec;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.storage.ImageRef;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pod Security Standards, judged on a pod template, and the settings Enforce may add safely.
 * runAsNonRoot and dropping every capability break an image whose user is root (the kubelet
 * refuses to start it, or its entrypoint cannot switch user), so they are added only where the user
 * is known not to be root; elsewhere the finding says what to set.
 */
public final class PodSecurity {
  /** Official images whose entrypoint starts as root (to chown data, then drop to a service user). */
  private static final Set<String> ROOT_IMAGES = Set.of("postgres", "postgis", "mysql", "mariadb", "mongo", "redis",
      "valkey", "rabbitmq", "nginx", "httpd", "minio", "vault", "cassandra", "zookeeper", "elasticsearch", "memcached",
      "haproxy", "traefik", "caddy", "wordpress", "php", "jenkins", "mailhog", "localstack");
  private static final Set<String> BASELINE_CAPS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
      "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  /** The violation of a container that drops "all" (or "All"): Pod Security Admission wants "ALL". */
  public static final String DROP_ALL_CASE = "capabilities drop ALL (upper case)";

  private PodSecurity() {}

  private static boolean dropsAllInAnyCase(List<String> drop) {
    return drop != null && drop.stream().anyMatch(d -> d != null && d.strip().equalsIgnoreCase("ALL"));
  }

  public static boolean needsRoot(String image) {
    ImageRef r = ImageRef.parse(image);
    return r.owner().isEmpty() && ROOT_IMAGES.contains(r.name()) || "localstack".equals(r.name());
  }

  /** Known to run as a non-root user: a non-zero runAsUser, or an image built to. */
  public static boolean knownNonRoot(Workload w, Container c) {
    Long uid = c.getSecurityContext() != null ? c.getSecurityContext().getRunAsUser() : null;
    if (uid == null && w.pod().getSecurityContext() != null) {
      uid = w.pod().getSecurityContext().getRunAsUser();
    }
    if (uid != null) {
      return uid > 0;
    }
    if (c.getImage() == null) {
      return false;
    }
    String i = c.getImage().toLowerCase(java.util.Locale.ROOT);
    ImageRef r = ImageRef.parse(i);
    return r.owner().equals("bitnami") || i.contains("nonroot") || i.contains("-unprivileged") || i.startsWith("cgr.dev/")
        || i.contains("distroless") && i.contains(":nonroot");
  }

  /** What a container misses for the level, as short phrases; empty when it complies. */
  public static List<String> violations(Workload w, Container c, WorkloadsSpec.PodSecurity level) {
    List<String> out = new ArrayList<>();
    if (level == WorkloadsSpec.PodSecurity.NONE) {
      return out;
    }
    SecurityContext sc = c.getSecurityContext();
    PodSecurityContext pod = w.pod().getSecurityContext();
    if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
      out.add("privileged");
    }
    if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null) {
      for (String cap : sc.getCapabilities().getAdd()) {
        boolean allowed = level == WorkloadsSpec.PodSecurity.RESTRICTED ? cap.equals("NET_BIND_SERVICE") : BASELINE_CAPS.contains(cap);
        if (!allowed) {
          out.add("adds capability " + cap);
        }
      }
    }
    if (c.getPorts() != null && c.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() > 0)) {
      out.add("hostPort");
    }
    if (level != WorkloadsSpec.PodSecurity.RESTRICTED) {
      return out;
    }
    if (!Boolean.FALSE.equals(sc == null ? null : sc.getAllowPrivilegeEscalation())) {
      out.add("allowPrivilegeEscalation: false");
    }
    Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod == null ? null : pod.getRunAsNonRoot();
    if (!Boolean.TRUE.equals(nonRoot)) {
      out.add("runAsNonRoot: true");
    }
    List<String> drop = sc == null || sc.getCapabilities() == null ? null : sc.getCapabilities().getDrop();
    if (drop == null || !drop.contains("ALL")) {
      // Pod Security Admission compares "ALL" exactly; "all" is normalised by harden, whoever the user is
      out.add(dropsAllInAnyCase(drop) ? DROP_ALL_CASE : "capabilities drop ALL");
    }
    SeccompProfile sp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod == null ? null : pod.getSeccompProfile();
    if (sp == null || !("RuntimeDefault".equals(sp.getType()) || "Localhost".equals(sp.getType()))) {
      out.add("seccompProfile RuntimeDefault");
    }
    return out;
  }

  /** Pod-level violations: host namespaces and hostPath volumes (baseline and up). */
  public static List<String> podViolations(Workload w, WorkloadsSpec.PodSecurity level) {
    List<String> out = new ArrayList<>();
    if (level == WorkloadsSpec.PodSecurity.NONE) {
      return out;
    }
    if (Boolean.TRUE.equals(w.pod().getHostNetwork())) {
      out.add("hostNetwork");
    }
    if (Boolean.TRUE.equals(w.pod().getHostPID())) {
      out.add("hostPID");
    }
    if (Boolean.TRUE.equals(w.pod().getHostIPC())) {
      out.add("hostIPC");
    }
    if (w.pod().getVolumes() != null) {
      for (Volume v : w.pod().getVolumes()) {
        if (v.getHostPath() != null) {
          out.add("hostPath volume " + v.getName());
        }
      }
    }
    return out;
  }

  /**
   * Adds what is safe for the restricted level. Returns what was added.
   */
  public static List<String> harden(Workload w) {
    List<String> added = new ArrayList<>();
    PodSecurityContext pod = w.pod().getSecurityContext();
    if (pod == null || pod.getSeccompProfile() == null) {
      boolean containersSet = w.allContainers().stream().allMatch(c -> c.getSecurityContext() != null
          && c.getSecurityContext().getSeccompProfile() != null);
      if (!containersSet) {
        if (pod == null) {
          pod = new PodSecurityContext();
          w.pod().setSecurityContext(pod);
        }
        pod.setSeccompProfile(new SeccompProfile(null, "RuntimeDefault"));
        added.add("seccompProfile RuntimeDefault");
      }
    }
    for (Container c : w.allContainers()) {
      SecurityContext sc = c.getSecurityContext();
      if (sc != null && (Boolean.TRUE.equals(sc.getPrivileged()) || sc.getCapabilities() != null
          && sc.getCapabilities().getAdd() != null && sc.getCapabilities().getAdd().contains("SYS_ADMIN"))) {
        continue; // privileged or SYS_ADMIN with no escalation contradict each other: the API rejects it
      }
      if (sc == null) {
        sc = new SecurityContext();
      }
      boolean changed = false;
      List<String> drop = sc.getCapabilities() == null ? null : sc.getCapabilities().getDrop();
      if (drop != null && !drop.contains("ALL") && dropsAllInAnyCase(drop)) {
        List<String> upper = new ArrayList<>();
        for (String d : drop) {
          String v = d != null && d.strip().equalsIgnoreCase("ALL") ? "ALL" : d;
          if (!upper.contains(v)) {
            upper.add(v);
          }
        }
        sc.getCapabilities().setDrop(upper);
        changed = true;
      }
      if (sc.getAllowPrivilegeEscalation() == null) {
        sc.setAllowPrivilegeEscalation(false);
        changed = true;
      }
      if (knownNonRoot(w, c) && !needsRoot(c.getImage())) {
        if (sc.getRunAsNonRoot() == null && (pod == null || pod.getRunAsNonRoot() == null)) {
          sc.setRunAsNonRoot(true);
          changed = true;
        }
        if (sc.getCapabilities() == null) {
          sc.setCapabilities(new Capabilities(null, new ArrayList<>(List.of("ALL"))));
          changed = true;
        } else if (sc.getCapabilities().getDrop() == null || sc.getCapabilities().getDrop().isEmpty()) {
          sc.getCapabilities().setDrop(new ArrayList<>(List.of("ALL")));
          changed = true;
        }
      }
      if (changed) {
        c.setSecurityContext(sc);
        added.add("securityContext (" + c.getName() + ")");
      }
    }
    return added;
  }
}
