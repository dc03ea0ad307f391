package dev.envprofile.engine.facts;

import dev.envprofile.engine.Labels;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.storage.StatefulServers;
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

/** Data volumes, stateful servers and their data directories, per workload (contract §3, Storage). */
public final class StorageFacts {
  private static final List<String> SCRATCH_PATHS = List.of("/tmp", "/var/tmp", "/var/run", "/run", "/var/log", "/var/cache");
  private static final Set<String> SCRATCH_WORDS = Set.of("tmp", "temp", "cache", "scratch", "logs", "log", "run");

  /**
   * A well-known server in a workload.
   *
   * @param dataDir where it keeps data, or null when unknown (an image recognised only by its port)
   * @param hasVolume whether a volume is mounted at (or above) the data directory
   */
  public record Server(String kind, Container container, String dataDir, boolean hasVolume, boolean byPort) {}

  private final Map<Workload, Info> info = new IdentityHashMap<>();

  private record Info(List<String> dataEmptyDirs, List<String> hostPaths, List<String> claims, Server server) {}

  private StorageFacts() {}

  public static StorageFacts compute(Facts facts) {
    StorageFacts sf = new StorageFacts();
    for (Workload w : facts.inventory().allWorkloads()) {
      sf.info.put(w, analyse(w));
    }
    return sf;
  }

  private Info of(Workload w) {
    return info.computeIfAbsent(w, StorageFacts::analyse);
  }

  /** Names of the emptyDir volumes that hold data (not Memory, not scratch, or named by annotation). */
  public List<String> dataEmptyDirs(Workload w) {
    return of(w).dataEmptyDirs;
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

  private static Info analyse(Workload w) {
    List<Volume> volumes = w.pod().getVolumes() == null ? List.of() : w.pod().getVolumes();
    String declared = w.annotation(Labels.DATA_VOLUMES);
    Set<String> explicit = declared == null ? null : Set.of(declared.split("\\s*,\\s*"));
    List<String> data = new ArrayList<>();
    List<String> hostPaths = new ArrayList<>();
    List<String> claims = new ArrayList<>();
    for (Volume v : volumes) {
      var emptyDir = dev.envprofile.engine.storage.VolumeSources.emptyDir(v);
      if (emptyDir != null) {
        boolean isData = explicit != null ? explicit.contains(v.getName())
            : !"Memory".equals(emptyDir.getMedium()) && !scratchName(v.getName()) && mountedAtData(w, v.getName());
        if (isData) {
          data.add(v.getName());
        }
      } else if (v.getHostPath() != null) {
        hostPaths.add(v.getName());
      } else if (v.getPersistentVolumeClaim() != null) {
        claims.add(v.getPersistentVolumeClaim().getClaimName());
      }
    }
    return new Info(List.copyOf(data), List.copyOf(hostPaths), List.copyOf(claims), server(w, volumes));
  }

  /** Mounted somewhere that is not a scratch path. An emptyDir mounted nowhere holds nothing. */
  private static boolean mountedAtData(Workload w, String volume) {
    for (Container c : w.allContainers()) {
      if (c.getVolumeMounts() == null) {
        continue;
      }
      for (VolumeMount m : c.getVolumeMounts()) {
        if (volume.equals(m.getName()) && !isScratchPath(m.getMountPath())) {
          return true;
        }
      }
    }
    return false;
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

  private static Server server(Workload w, List<Volume> volumes) {
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
      return new Server(kind, c, dir, hasVolumeAt(c, dir, volumes), byPort);
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
          || dev.envprofile.engine.storage.VolumeSources.emptyDir(v) != null
              && !"Memory".equals(dev.envprofile.engine.storage.VolumeSources.emptyDir(v).getMedium());
      if (!canHold || m.getMountPath() == null) {
        continue;
      }
      String mp = m.getMountPath().endsWith("/") && m.getMountPath().length() > 1
          ? m.getMountPath().substring(0, m.getMountPath().length() - 1) : m.getMountPath();
      if (dir == null ? !isScratchPath(mp) : dir.equals(mp) || dir.startsWith(mp + "/") || mp.equals("/")) {
        return true;
      }
    }
    return false;
  }
}
