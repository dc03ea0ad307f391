package dev.envprofile.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envprofile.engine.Labels;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only edits a Revert may give back: the paths the engine itself writes in a user's object,
 * by kind and API version, and never a value that carries a privilege. The revert log is the
 * operator's own (kept in its namespace), but a Revert writes under the operator's identity, which
 * can write every workload of every namespace: whatever the log says, Undo cannot grant privileged
 * containers, host namespaces, hostPath volumes, another ServiceAccount, externalIPs or foreign
 * annotations. RevertablePathsTest proves that every edit the engine makes on the samples is here.
 */
public final class RevertablePaths {
  /** Kinds whose objects the promotion edits in place, with the one API version the log may name. */
  static final Map<String, String> KINDS = Map.of(
      "Deployment", "apps/v1", "StatefulSet", "apps/v1", "DaemonSet", "apps/v1",
      "CronJob", "batch/v1", "Job", "batch/v1", "ConfigMap", "v1", "Ingress", "networking.k8s.io/v1",
      "Service", "v1");

  /** Keys that grant a privilege wherever they appear in a restored value (and as a path segment). */
  private static final Set<String> PRIVILEGED = Set.of("privileged", "hostNetwork", "hostPID", "hostIPC", "hostUsers",
      "hostPath", "hostPort", "hostAliases", "serviceAccountName", "serviceAccount", "externalIPs", "externalName",
      "nodeName", "procMount", "runtimeClassName", "shareProcessNamespace", "sysctls", "windowsOptions", "appArmorProfile",
      "seLinuxOptions", "runAsUser", "runAsGroup", "supplementalGroups", "add", "ephemeralContainers", "csi",
      "loadBalancerSourceRanges", "loadBalancerIP", "clusterIP", "clusterIPs");

  /** Annotation keys the engine writes: its own prefix and cert-manager's issuer for TLS. */
  private static final List<String> OWN_ANNOTATIONS = List.of(Labels.PREFIX, Labels.CLUSTER_ISSUER, Labels.ISSUER,
      Labels.VELERO_BACKUP);

  /** What a container of a pod template may get back (the first path segment under the container). */
  private static final Set<String> CONTAINER_FIELDS = Set.of("resources", "livenessProbe", "readinessProbe",
      "startupProbe", "env", "envFrom", "image", "imagePullPolicy", "securityContext", "volumeMounts");

  /** Hardening fields of a container's or pod's securityContext the engine sets (never one granting a privilege). */
  private static final Set<String> SECURITY_FIELDS = Set.of("allowPrivilegeEscalation", "runAsNonRoot", "capabilities",
      "seccompProfile", "readOnlyRootFilesystem", "fsGroup", "fsGroupChangePolicy");

  /** Pod spec fields the engine writes. */
  private static final Set<String> POD_FIELDS = Set.of("containers", "initContainers", "volumes", "securityContext",
      "automountServiceAccountToken", "topologySpreadConstraints", "affinity", "terminationGracePeriodSeconds",
      "imagePullSecrets", "enableServiceLinks");

  /** Workload spec fields outside the pod template the engine writes. */
  private static final Set<String> WORKLOAD_FIELDS = Set.of("replicas", "strategy", "updateStrategy", "minReadySeconds",
      "revisionHistoryLimit", "progressDeadlineSeconds", "podManagementPolicy", "persistentVolumeClaimRetentionPolicy");

  private RevertablePaths() {}

  /** Whether the log may name this object at all. */
  public static boolean kind(String kind, String apiVersion) {
    return apiVersion != null && apiVersion.equals(KINDS.get(kind));
  }

  /**
   * Whether an edit at {@code pointer} of a {@code kind} may be undone: restoring {@code restored}
   * (the value before the promotion; missing when the undo removes what the engine added) and
   * taking off {@code written}. An edit of a whole object (a securityContext, an annotation map
   * added at once) is allowed when every leaf of both values is.
   */
  public static boolean allowed(String kind, String pointer, JsonNode restored, JsonNode written) {
    if (allowed(kind, pointer, restored)) {
      return true;
    }
    boolean container = restored.isContainerNode() || written.isContainerNode();
    return container && !grantsPrivilege(restored, last(pointer)) && leaves(kind, pointer, restored)
        && leaves(kind, pointer, written);
  }

  /** Whether every leaf under {@code value} (at {@code pointer}) is allowed; missing values have none. */
  private static boolean leaves(String kind, String pointer, JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return true;
    }
    if (value.isObject()) {
      if (value.isEmpty()) {
        return allowed(kind, pointer, value);
      }
      for (var it = value.fields(); it.hasNext(); ) {
        var f = it.next();
        String child = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
        if (!leaves(kind, child, f.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        if (!leaves(kind, pointer + "/" + i, value.get(i))) {
          return false;
        }
      }
      return value.size() > 0 || allowed(kind, pointer, value);
    }
    return allowed(kind, pointer, value);
  }

  private static String last(String pointer) {
    String[] p = segments(pointer);
    return p.length == 0 ? "" : p[p.length - 1];
  }

  /** Whether an edit at exactly {@code pointer} may be undone, restoring {@code restored}. */
  public static boolean allowed(String kind, String pointer, JsonNode restored) {
    if (!KINDS.containsKey(kind) || !pointer.startsWith("/")) {
      return false;
    }
    String[] p = segments(pointer);
    for (String s : p) {
      if (PRIVILEGED.contains(s)) {
        return false;
      }
    }
    if (pointer.length() > 4096 || p.length > 32) {
      return false;
    }
    if (restored != null && !restored.isMissingNode() && grantsPrivilege(restored, p.length > 0 ? p[p.length - 1] : "")) {
      return false;
    }
    if (p.length >= 2 && p[0].equals("metadata")) {
      return metadata(p);
    }
    return switch (kind) {
      case "ConfigMap" -> p.length >= 1 && (p[0].equals("data") || p[0].equals("binaryData"));
      case "Ingress" -> p.length >= 2 && p[0].equals("spec") && p[1].equals("tls");
      case "Service" -> false; // the engine passes user Services through unchanged
      case "CronJob" -> p.length >= 3 && p[0].equals("spec") && p[1].equals("jobTemplate") && p[2].equals("spec")
          && workload(java.util.Arrays.copyOfRange(p, 2, p.length));
      default -> workload(p);
    };
  }

  /** Labels of any key (selectors are the user's and are never restored wholesale); annotations the engine owns. */
  private static boolean metadata(String[] p) {
    if (p[1].equals("labels")) {
      return true;
    }
    if (!p[1].equals("annotations")) {
      return false;
    }
    if (p.length == 2) {
      return false; // a whole annotation map may hold foreign keys
    }
    String key = p[2];
    return OWN_ANNOTATIONS.stream().anyMatch(k -> k.endsWith("/") ? key.startsWith(k) : key.equals(k));
  }

  /** A workload's spec: {@code p} starts at "spec". */
  private static boolean workload(String[] p) {
    if (p.length < 2 || !p[0].equals("spec")) {
      return false;
    }
    if (WORKLOAD_FIELDS.contains(p[1])) {
      return true;
    }
    if (!p[1].equals("template") || p.length < 4) {
      return false;
    }
    if (p[2].equals("metadata")) {
      return p[3].equals("labels") || p[3].equals("annotations") && p.length >= 5
          && OWN_ANNOTATIONS.stream().anyMatch(k -> k.endsWith("/") ? p[4].startsWith(k) : p[4].equals(k));
    }
    if (!p[2].equals("spec") || !POD_FIELDS.contains(p[3])) {
      return false;
    }
    if (p[3].equals("securityContext")) {
      return p.length >= 5 && SECURITY_FIELDS.contains(p[4]);
    }
    if (p[3].equals("containers") || p[3].equals("initContainers")) {
      // A whole container is never added or removed: only its fields.
      if (p.length < 6 || !CONTAINER_FIELDS.contains(p[5])) {
        return false;
      }
      return !p[5].equals("securityContext") || p.length >= 7 && SECURITY_FIELDS.contains(p[6]);
    }
    return true;
  }

  /** Whether a restored value carries a privilege anywhere inside it. */
  private static boolean grantsPrivilege(JsonNode value, String field) {
    if (field.equals("allowPrivilegeEscalation") && value.asBoolean(false)) {
      return true;
    }
    if (value.isObject()) {
      for (var it = value.fields(); it.hasNext(); ) {
        var f = it.next();
        if (PRIVILEGED.contains(f.getKey()) || grantsPrivilege(f.getValue(), f.getKey())) {
          return true;
        }
      }
    } else if (value.isArray()) {
      for (JsonNode e : value) {
        if (grantsPrivilege(e, field)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String[] segments(String pointer) {
    String[] raw = pointer.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
    }
    return raw;
  }
}
