package dev.envprofile.engine.storage;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.facts.Facts;
import dev.envprofile.engine.inventory.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Data volumes, stateful servers and their data directories, per workload (docs/rules/storage.md). */
public final class StorageFacts {
  private static final List<String> SCRATCH_PATHS = List.of("/tmp", "/var/tmp", "/var/run", "/run", "/var/log", "/var/cache",
      "/dev/shm");
  private static final Set<String> SCRATCH_WORDS = Set.of("tmp", "temp", "cache", "scratch", "logs", "log", "run",
      "output", "out", "spool", "socket", "sockets", "sock", "shm");

  /**
   * A well-known server in a workload.
   *
   * @param dataDir where it keeps data, or null when unknown (an image recognised only by its port)
   * @param hasVolume whether a volume is mounted at (or above) the data directory
   */
  /**
   * @param hasVolume a volume is at its data directory, or it persists nothing (a Redis with
   *     snapshots and the append-only file off): nothing to convert
   * @param keepsNothing it persists nothing: an emptyDir at its data directory is not data
   */
  public record Server(String kind, Container container, String dataDir, boolean hasVolume, boolean byPort,
                       boolean keepsNothing) {}

  private final Map<Workload, Info> info = new IdentityHashMap<>();

  private record Info(List<String> dataEmptyDirs, List<String> undeclaredEmptyDirs, List<String> hostPaths,
                      List<String> claims, Server server) {}

  private StorageFacts() {}

  public static StorageFacts compute(Facts facts) {
    StorageFacts sf = new StorageFacts();
    sf.facts = facts;
    for (Workload w : facts.inventory().allWorkloads()) {
      sf.info.put(w, analyse(w, facts));
    }
    return sf;
  }

  private Facts facts;

  private Info of(Workload w) {
    return info.computeIfAbsent(w, x -> analyse(x, facts));
  }

  /**
   * Names of the emptyDir volumes that hold data: those named by envprofile.dev/data-volumes, else
   * those a well-known server mounts at (or above) its data directory. Other emptyDirs are scratch
   * (an app's output, a sidecar's cache) and stay emptyDirs.
   */
  public List<String> dataEmptyDirs(Workload w) {
    return of(w).dataEmptyDirs;
  }

  /**
   * emptyDirs that may hold data but nobody said so ("out at /srv/out"): not declared, not Memory,
   * not scratch by name or path, on a workload with no known data directory. Never converted; the
   * report asks the user to declare them.
   */
  public List<String> undeclaredEmptyDirs(Workload w) {
    return of(w).undeclaredEmptyDirs;
  }

  public List<String> hostPaths(Workload w) {
    return of(w).hostPaths;
  }

  /** claimNames of the PersistentVolumeClaims the pod mounts. */
  public List<String> claims(Workload w) {
    return of(w).claims;
  }

  /** The first well-known server the workload runs, or null. */
  public Server server(Workload w) {
    return of(w).server;
  }

  /** The well-known server a workload runs ("postgres", "redis", ...), or null. */
  public String serverKind(Workload w) {
    Server s = of(w).server;
    return s == null ? null : s.kind();
  }

  /** Keeps data in volumes that outlive a pod (claims, claim templates, hostPath). */
  public boolean hasPersistentData(Workload w) {
    return !claims(w).isEmpty() || !hostPaths(w).isEmpty() || hasClaimTemplates(w);
  }

  /**
   * Stateful: has a data volume (data emptyDir, hostPath, PVC, volumeClaimTemplates) or runs a
   * well-known stateful server (by image or port). Stateful workloads are never scaled.
   */
  public boolean isStateful(Workload w) {
    Info i = of(w);
    return !i.dataEmptyDirs.isEmpty() || hasPersistentData(w) || i.server != null;
  }

  /** A server that keeps its data in the container's writable layer. */
  public boolean keepsDataInContainer(Workload w) {
    Server s = of(w).server;
    return s != null && !s.hasVolume();
  }

  public static boolean hasClaimTemplates(Workload w) {
    return w.object() instanceof StatefulSet s && s.getSpec().getVolumeClaimTemplates() != null
        && !s.getSpec().getVolumeClaimTemplates().isEmpty();
  }

  private static Info analyse(Workload w, Facts facts) {
    List<Volume> volumes = w.pod().getVolumes() == null ? List.of() : w.pod().getVolumes();
    Set<String> declared = declaredDataVolumes(w.annotation(Labels.DATA_VOLUMES));
    Server server = server(w, volumes, facts);
    List<String> data = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    List<String> hostPaths = new ArrayList<>();
    List<String> claims = new ArrayList<>();
    for (Volume v : volumes) {
      var emptyDir = VolumeSources.emptyDir(v);
      if (emptyDir != null) {
        boolean memory = "Memory".equals(emptyDir.getMedium());
        if (declared != null ? declared.contains(v.getName()) : !memory && atServerData(server, v.getName())) {
          data.add(v.getName());
        } else if (declared == null && !memory && !scratchName(v.getName())
            && (server == null || server.dataDir() == null)) {
          String path = dataLikeMount(w, v.getName());
          if (path != null) {
            undeclared.add(v.getName() + " at " + path);
          }
        }
      } else if (v.getHostPath() != null) {
        hostPaths.add(v.getName());
      } else if (v.getPersistentVolumeClaim() != null) {
        claims.add(v.getPersistentVolumeClaim().getClaimName());
      }
    }
    return new Info(List.copyOf(data), List.copyOf(undeclared), List.copyOf(hostPaths), List.copyOf(claims), server);
  }

  /**
   * The volume names of envprofile.dev/data-volumes ("a, b"), or null when the annotation is absent.
   * An empty value declares that the workload keeps no data on emptyDir. Split by hand: the value is
   * tenant data, and a regex split is quadratic on a run of spaces.
   */
  static Set<String> declaredDataVolumes(String annotation) {
    if (annotation == null) {
      return null;
    }
    Set<String> out = new java.util.HashSet<>();
    String value = annotation.length() > 4096 ? annotation.substring(0, 4096) : annotation;
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** Mounted in the server's container at or above its data directory: what the server keeps there is data. */
  private static boolean atServerData(Server server, String volume) {
    if (server == null || server.keepsNothing() || server.dataDir() == null || server.container().getVolumeMounts() == null) {
      return false;
    }
    for (VolumeMount m : server.container().getVolumeMounts()) {
      if (volume.equals(m.getName()) && m.getMountPath() != null && atOrAbove(m.getMountPath(), server.dataDir())) {
        return true;
      }
    }
    return false;
  }

  private static boolean atOrAbove(String mountPath, String dir) {
    String mp = mountPath.endsWith("/") && mountPath.length() > 1 ? mountPath.substring(0, mountPath.length() - 1) : mountPath;
    return dir.equals(mp) || dir.startsWith(mp + "/") || mp.equals("/");
  }

  /** The first mount path of the volume that is not a scratch path, or null. An emptyDir mounted nowhere holds nothing. */
  private static String dataLikeMount(Workload w, String volume) {
    for (Container c : w.allContainers()) {
      if (c.getVolumeMounts() == null) {
        continue;
      }
      for (VolumeMount m : c.getVolumeMounts()) {
        if (volume.equals(m.getName()) && !isScratchPath(m.getMountPath())) {
          return m.getMountPath();
        }
      }
    }
    return null;
  }

  public static boolean isScratchPath(String path) {
    if (path == null) {
      return true;
    }
    for (String p : SCRATCH_PATHS) {
      if (path.equals(p) || path.startsWith(p + "/")) {
        return true;
      }
    }
    return false;
  }

  public static boolean scratchName(String name) {
    for (String word : name.toLowerCase(Locale.ROOT).split("[-_.]")) {
      if (SCRATCH_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Server server(Workload w, List<Volume> volumes, Facts facts) {
    String pinned = w.annotation(Labels.DATA_PATH);
    for (Container c : w.containers()) {
      if (c.getImage() == null || StatefulServers.isStatelessImage(c.getImage())) {
        continue;
      }
      String kind = StatefulServers.byImage(c.getImage());
      boolean byPort = false;
      if (kind == null && c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (p.getContainerPort() != null && StatefulServers.byPort(p.getContainerPort()) != null) {
            kind = StatefulServers.byPort(p.getContainerPort());
            byPort = true;
            break;
          }
        }
      }
      if (kind == null) {
        continue;
      }
      String dir = pinned != null ? pinned : byPort ? null : dataDir(kind, c);
      boolean keepsNothing = pinned == null && ("redis".equals(kind) || "valkey".equals(kind)) && facts != null
          && dev.envprofile.engine.storage.RedisPersistence.off(c, facts.texts(w, c));
      return new Server(kind, c, dir, keepsNothing || hasVolumeAt(c, dir, volumes), byPort, keepsNothing);
    }
    return null;
  }

  private static String dataDir(String kind, Container c) {
    if ("postgres".equals(kind) && c.getEnv() != null) {
      for (var v : c.getEnv()) {
        if ("PGDATA".equals(v.getName()) && v.getValue() != null && v.getValue().startsWith("/")) {
          return v.getValue();
        }
      }
    }
    if ("minio".equals(kind)) {
      List<String> words = new ArrayList<>();
      if (c.getCommand() != null) {
        words.addAll(c.getCommand());
      }
      if (c.getArgs() != null) {
        words.addAll(c.getArgs());
      }
      int i = words.indexOf("server");
      for (int j = i + 1; i >= 0 && j < words.size(); j++) {
        if (words.get(j).startsWith("/")) {
          return words.get(j);
        }
      }
      return null;
    }
    return StatefulServers.dataDir(kind, c.getImage());
  }

  /**
   * Whether a volume that can hold data is mounted at the directory or above it. Without a known
   * directory, any such volume counts: the finding then asks for envprofile.dev/data-path.
   */
  private static boolean hasVolumeAt(Container c, String dir, List<Volume> volumes) {
    if (c.getVolumeMounts() == null) {
      return false;
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      Volume v = volumes.stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElse(null);
      boolean canHold = v == null // a volumeClaimTemplate
          || v.getPersistentVolumeClaim() != null || v.getHostPath() != null || v.getEphemeral() != null
          || v.getNfs() != null || v.getCsi() != null
          || VolumeSources.emptyDir(v) != null
              && !"Memory".equals(VolumeSources.emptyDir(v).getMedium());
      if (!canHold || m.getMountPath() == null) {
        continue;
      }
      if (dir == null ? !isScratchPath(m.getMountPath()) : atOrAbove(m.getMountPath(), dir)) {
        return true;
      }
    }
    return false;
  }
}
