package dev.envprofile.engine.workload;

import dev.envprofile.engine.inventory.Inventory;
import dev.envprofile.engine.inventory.Workload;
import dev.envprofile.engine.storage.ImageRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code readOnlyRootFilesystem: true}, and the emptyDirs an image needs once its root is read-only.
 * Set only for official images whose writes outside their data directory are known (nginx,
 * postgres, redis, valkey), run the way the image runs them by default: an image we do not know may
 * write anywhere, and a read-only root would break it at the first write, so it keeps the finding.
 * An emptyDir is never mounted where a mount already is, above one, or below one.
 */
public final class ReadOnlyRoot {
  /** A directory the image writes at run time, and the suffix of the emptyDir that holds it. */
  record Scratch(String path, String suffix) {}

  private static final Scratch TMP = new Scratch("/tmp", "tmp");
  /** Official images (Docker Hub, no owner) and what they write besides their data directory. */
  private static final Map<String, List<Scratch>> KNOWN = Map.of(
      // pid file under /var/run (a link to /run), temp files of proxying and uploads under /var/cache/nginx
      "nginx", List.of(TMP, new Scratch("/var/cache/nginx", "nginx-cache"), new Scratch("/var/run", "run")),
      // the server's socket and lock file; data, WAL and logs under PGDATA
      "postgres", List.of(TMP, new Scratch("/var/run/postgresql", "pg-run")),
      // RDB and AOF files in /data, its data directory
      "redis", List.of(TMP),
      "valkey", List.of(TMP));
  /**
   * The server binary a command may start with: it then runs in the image's working directory as the
   * entrypoint would run it (postgres is left out: without its entrypoint nothing initialises PGDATA).
   */
  private static final Map<String, String> SERVERS = Map.of("redis", "redis-server", "valkey", "valkey-server",
      "nginx", "nginx");
  /** Variables that make the image's entrypoint write elsewhere (nginx renders templates into /etc/nginx). */
  private static final List<String> WRITING_VARIABLES = List.of("NGINX_ENVSUBST_TEMPLATE_DIR",
      "NGINX_ENVSUBST_OUTPUT_DIR", "NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE", "POSTGRES_INITDB_WALDIR");
  private static final int MAX_VOLUME_NAME = 63;

  private ReadOnlyRoot() {}

  public static boolean missing(Container c) {
    return c.getSecurityContext() == null || !Boolean.TRUE.equals(c.getSecurityContext().getReadOnlyRootFilesystem());
  }

  /**
   * Why Enforce cannot set a read-only root on the container, or null when it can. The reasons
   * name paths, variables and images, never values.
   */
  public static String blocker(Inventory inv, Workload w, Container c, String dataDir) {
    ImageRef ref = ImageRef.parse(c.getImage());
    List<Scratch> scratch = official(ref) ? KNOWN.get(ref.name()) : null;
    if (scratch == null) {
      return "what image " + c.getImage() + " writes is not known";
    }
    List<String> words = new ArrayList<>();
    if (c.getCommand() != null && !c.getCommand().isEmpty()) {
      if (!c.getCommand().get(0).equals(SERVERS.get(ref.name()))) {
        return "its command is overridden, so what it writes is not known";
      }
      words.addAll(c.getCommand().subList(1, c.getCommand().size()));
    }
    if (c.getArgs() != null) {
      words.addAll(c.getArgs());
    }
    for (String a : words) {
      if (writesElsewhere(a)) {
        return "an argument names a file or directory, so what it writes is not known";
      }
    }
    if (c.getEnv() != null) {
      for (EnvVar v : c.getEnv()) {
        if (WRITING_VARIABLES.contains(v.getName())) {
          return "variable " + v.getName() + " makes the image write outside its scratch directories";
        }
      }
    }
    if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty() && "nginx".equals(ref.name())) {
      return "envFrom may set the nginx entrypoint's template variables";
    }
    if ("nginx".equals(ref.name())) {
      String why = nginxConfig(inv, w, c);
      if (why != null) {
        return why;
      }
    }
    if ("postgres".equals(ref.name()) && !postgresDataDirKnown(ref, c)) {
      return "postgres 18 and later keep data under /var/lib/postgresql/<major>/docker: pin a version up to 17 or set PGDATA";
    }
    if (!"nginx".equals(ref.name())) {
      if (dataDir == null) {
        return "its data directory is not known";
      }
      if (!mountedAtOrAbove(c, dataDir)) {
        return "its data directory " + dataDir + " is not on a volume";
      }
    }
    for (Scratch s : scratch) {
      if (!mountedAtOrAbove(c, s.path()) && mountedBelow(c, s.path())) {
        return "a volume is mounted below " + s.path() + ", where an emptyDir would be needed";
      }
      if (!mountedAtOrAbove(c, s.path()) && hasVolume(w, volumeName(c, s))) {
        return "the volume name " + volumeName(c, s) + " is taken";
      }
      if (volumeName(c, s).length() > MAX_VOLUME_NAME) {
        return "its name is too long to name an emptyDir after it";
      }
    }
    return null;
  }

  /**
   * Sets the read-only root and mounts an emptyDir at each directory the image writes that no
   * mount covers. The caller has checked {@link #blocker} is null.
   */
  public static void apply(Workload w, Container c) {
    ImageRef ref = ImageRef.parse(c.getImage());
    for (Scratch s : KNOWN.get(ref.name())) {
      if (mountedAtOrAbove(c, s.path())) {
        continue; // an existing mount already takes the writes: never shadow it
      }
      String name = volumeName(c, s);
      Volume v = new Volume();
      v.setName(name);
      v.setEmptyDir(new EmptyDirVolumeSource());
      if (w.pod().getVolumes() == null) {
        w.pod().setVolumes(new ArrayList<>());
      }
      w.pod().getVolumes().add(v);
      if (c.getVolumeMounts() == null) {
        c.setVolumeMounts(new ArrayList<>());
      }
      VolumeMount m = new VolumeMount();
      m.setName(name);
      m.setMountPath(s.path());
      c.getVolumeMounts().add(m);
    }
    SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
    sc.setReadOnlyRootFilesystem(true);
    c.setSecurityContext(sc);
  }

  /**
   * Why nginx's configuration keeps it from a read-only root, or null. Its entrypoint edits the
   * packaged default site (to listen on IPv6) and renders templates into /etc/nginx/conf.d: with a
   * read-only root it skips both silently, so the site must be the user's own, mounted from
   * ConfigMaps of the input, and every file mounted under /etc/nginx must write only to scratch.
   */
  private static String nginxConfig(Inventory inv, Workload w, Container c) {
    if (!mountedAtOrAbove(c, "/etc/nginx/conf.d/default.conf") && !mountedAt(c, "/etc/nginx/conf.d")) {
      return "the image's default site is in use, which its entrypoint edits at start";
    }
    if (mountedUnder(c, "/etc/nginx/templates")) {
      return "templates under /etc/nginx/templates are rendered into /etc/nginx at start";
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      if (m.getMountPath() == null || !under(m.getMountPath(), "/etc/nginx")) {
        continue;
      }
      Volume v = w.pod().getVolumes() == null ? null
          : w.pod().getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElse(null);
      ConfigMap cm = v == null || v.getConfigMap() == null ? null
          : inv.configMaps().stream().filter(x -> x.getMetadata().getName().equals(v.getConfigMap().getName()))
              .findFirst().orElse(null);
      if (cm == null) {
        return "the configuration mounted at " + m.getMountPath() + " is not a ConfigMap of the input";
      }
      if (cm.getBinaryData() != null && !cm.getBinaryData().isEmpty()) {
        return "ConfigMap/" + cm.getMetadata().getName() + " holds binary data";
      }
      if (cm.getData() != null) {
        for (var e : cm.getData().entrySet()) {
          String write = NginxConfig.writesOutside(e.getValue());
          if (write != null) {
            return "ConfigMap/" + cm.getMetadata().getName() + " file " + e.getKey() + " writes outside the scratch directories ("
                + write.split(" ", 2)[0] + ")";
          }
        }
      }
    }
    return null;
  }

  /** Up to 17 the official postgres image keeps data at the documented directory; 18 moved it. */
  private static boolean postgresDataDirKnown(ImageRef ref, Container c) {
    if (c.getEnv() != null && c.getEnv().stream().anyMatch(v -> "PGDATA".equals(v.getName()) && v.getValue() != null)) {
      return true;
    }
    String tag = ref.tag() == null ? "" : ref.tag();
    int i = 0;
    while (i < tag.length() && i < 3 && Character.isDigit(tag.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false; // latest, alpine, no tag: any version
    }
    int major = Integer.parseInt(tag.substring(0, i));
    return major >= 9 && major <= 17;
  }

  private static boolean official(ImageRef ref) {
    String host = ref.registryHost();
    boolean hub = host == null || host.equals("docker.io") || host.equals("index.docker.io")
        || host.equals("registry-1.docker.io");
    return hub && ref.owner().isEmpty();
  }

  /** An argument that is a path, or a setting naming one (--dir, --logfile, -c data_directory=...). */
  private static boolean writesElsewhere(String arg) {
    if (arg == null) {
      return false;
    }
    String a = arg.toLowerCase(Locale.ROOT);
    return a.contains("/") || a.contains("dir") || a.contains("file") || a.contains("socket")
        || a.contains(".conf");
  }

  static String volumeName(Container c, Scratch s) {
    return c.getName() + "-" + s.suffix();
  }

  private static boolean hasVolume(Workload w, String name) {
    return w.pod().getVolumes() != null && w.pod().getVolumes().stream().anyMatch(v -> name.equals(v.getName()));
  }

  private static boolean mountedAtOrAbove(Container c, String path) {
    return mounts(c).stream().anyMatch(p -> under(path, p));
  }

  private static boolean mountedAt(Container c, String path) {
    return mounts(c).stream().anyMatch(p -> strip(p).equals(path));
  }

  private static boolean mountedBelow(Container c, String path) {
    return mounts(c).stream().anyMatch(p -> !p.equals(path) && under(p, path));
  }

  private static boolean mountedUnder(Container c, String path) {
    return mounts(c).stream().anyMatch(p -> under(p, path));
  }

  /** Whether path is dir or below it. */
  static boolean under(String path, String dir) {
    String d = strip(dir);
    String p = strip(path);
    return p.equals(d) || d.equals("/") || p.startsWith(d + "/");
  }

  private static String strip(String path) {
    String p = path == null ? "" : path.strip();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static List<String> mounts(Container c) {
    List<String> out = new ArrayList<>();
    if (c.getVolumeMounts() != null) {
      for (VolumeMount m : c.getVolumeMounts()) {
        if (m.getMountPath() != null) {
          out.add(m.getMountPath());
        }
      }
    }
    return out;
  }
}
