package dev.envprofile.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic dev namespaces, deterministic from a seed: the shapes of the samples (apps with
 * ConfigMaps holding credentials, databases on emptyDir, caches, CronJobs, Services, Ingresses),
 * mixed at random. Used by the property tests and the benchmarks.
 */
public final class NamespaceGenerator {
  private static final String[] WORDS = {"api", "web", "orders", "cart", "users", "search", "billing", "auth",
      "catalog", "report", "mailer", "gateway", "worker", "queue", "ledger", "media"};
  private static final String[] DATABASES = {"postgres:15", "redis:7-alpine", "mysql:8.0", "mongo:7",
      "docker.io/library/postgres:16", "bitnami/redis:7.2", "rabbitmq:3-management", "memcached:1.6"};
  private static final String[] CREDENTIAL_KEYS = {"DB_PASSWORD", "apiKey", "JWT_SECRET", "AWS_SECRET_ACCESS_KEY",
      "stripe.secret-key", "accessToken", "REDIS_PASSWORD", "SMTP_PASSWD"};
  private static final String[] PLAIN_KEYS = {"LOG_LEVEL", "PORT", "FEATURE_FLAGS", "REGION", "TIMEZONE", "CACHE_TTL"};

  private final Random random;
  private final String namespace;
  private final List<HasMetadata> out = new ArrayList<>();
  private final List<String> services = new ArrayList<>();
  private int credentials;

  private NamespaceGenerator(long seed, String namespace) {
    this.random = new Random(seed);
    this.namespace = namespace;
  }

  /** About {@code workloads} workloads, each with its Service and configuration (3 to 5 objects). */
  public static List<HasMetadata> generate(long seed, int workloads, String namespace) {
    NamespaceGenerator g = new NamespaceGenerator(seed, namespace);
    for (int i = 0; i < workloads; i++) {
      g.workload(i);
    }
    if (workloads > 0 && g.random.nextInt(3) > 0) {
      g.ingress();
    }
    return g.out;
  }

  private void workload(int i) {
    String name = WORDS[random.nextInt(WORDS.length)] + "-" + i;
    if (random.nextInt(25) == 0) {
      name = name + "-" + "x".repeat(48);
    }
    int kind = random.nextInt(20);
    boolean database = random.nextInt(4) == 0;
    String image = database ? DATABASES[random.nextInt(DATABASES.length)]
        : (random.nextBoolean() ? "localhost:5000/" : "registry.example.com/") + name.substring(0, Math.min(name.length(), 20))
        + (random.nextBoolean() ? ":latest" : ":1." + random.nextInt(20) + ".0");
    Map<String, String> labels = new LinkedHashMap<>(Map.of("app", name.length() > 63 ? name.substring(0, 63) : name));
    List<Volume> volumes = new ArrayList<>();
    Container main = container(name, image, database, volumes);
    List<Container> init = random.nextInt(6) == 0 ? List.of(new ContainerBuilder().withName("init")
        .withImage("busybox:1.36").withCommand("sh", "-c", "echo init").withEnv(env("INIT_TOKEN")).build()) : List.of();
    PodSpec pod = new PodSpecBuilder().withContainers(main).withInitContainers(init).withVolumes(volumes).build();
    PodTemplateSpec template = new PodTemplateSpecBuilder().withMetadata(new ObjectMetaBuilder().withLabels(labels).build())
        .withSpec(pod).build();
    ObjectMeta meta = meta(name);
    if (random.nextInt(15) == 0) {
      meta.setAnnotations(new LinkedHashMap<>(Map.of("envprofile.dev/ignore", "true")));
    }
    if (kind < 14) {
      out.add(new DeploymentBuilder().withMetadata(meta).withNewSpec().withReplicas(1 + random.nextInt(2))
          .withNewSelector().withMatchLabels(labels).endSelector().withTemplate(template).endSpec().build());
    } else if (kind < 16) {
      out.add(new StatefulSetBuilder().withMetadata(meta).withNewSpec().withServiceName(name)
          .withNewSelector().withMatchLabels(labels).endSelector().withTemplate(template).endSpec().build());
    } else if (kind < 17) {
      out.add(new DaemonSetBuilder().withMetadata(meta).withNewSpec()
          .withNewSelector().withMatchLabels(labels).endSelector().withTemplate(template).endSpec().build());
    } else if (kind < 19) {
      template.getSpec().setRestartPolicy("OnFailure");
      template.getMetadata().setLabels(null);
      if (name.length() > 52) { // the API server's limit for CronJob names (their Jobs add a suffix)
        meta.setName(name.substring(0, 52).replaceAll("-+$", ""));
      }
      out.add(new CronJobBuilder().withMetadata(meta).withNewSpec().withSchedule("0 * * * *").withNewJobTemplate()
          .withNewSpec().withTemplate(template).endSpec().endJobTemplate().endSpec().build());
      return;
    } else {
      template.getSpec().setRestartPolicy("Never");
      out.add(new JobBuilder().withMetadata(meta).withNewSpec().withTemplate(template).endSpec().build());
      return;
    }
    if (main.getPorts() != null && !main.getPorts().isEmpty() && name.length() <= 63) {
      int port = main.getPorts().get(0).getContainerPort();
      boolean named = random.nextBoolean();
      out.add(new ServiceBuilder().withMetadata(meta(name)).withNewSpec().withSelector(labels)
          .withType(random.nextInt(12) == 0 ? "NodePort" : null)
          .addNewPort().withName("main").withPort(port == 8080 ? 80 : port)
          .withTargetPort(named ? new IntOrString("main") : new IntOrString(port)).endPort().endSpec().build());
      services.add(name + ":" + (port == 8080 ? 80 : port));
    }
  }

  private Container container(String name, String image, boolean database, List<Volume> volumes) {
    ContainerBuilder c = new ContainerBuilder().withName("main").withImage(image);
    int port = !database ? 8080
        : image.contains("postgres") ? 5432
        : image.contains("redis") ? 6379
        : image.contains("mysql") ? 3306
        : image.contains("mongo") ? 27017
        : image.contains("memcached") ? 11211 : 5672;
    if (random.nextInt(8) > 0) {
      c.addNewPort().withName("main").withContainerPort(port).endPort();
    }
    List<EnvVar> env = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      env.add(random.nextInt(3) == 0 ? env(CREDENTIAL_KEYS[random.nextInt(CREDENTIAL_KEYS.length)])
          : new EnvVar(PLAIN_KEYS[random.nextInt(PLAIN_KEYS.length)], "v" + random.nextInt(100), null));
    }
    if (!services.isEmpty() && random.nextBoolean()) {
      String peer = services.get(random.nextInt(services.size()));
      env.add(new EnvVar("PEER_URL", random.nextBoolean() ? "http://" + peer + "/v1"
          : "postgresql://app:" + credential() + "@" + peer + "/db", null));
    }
    if (random.nextInt(4) == 0) {
      env.add(new EnvVar("DSN", "postgresql://$(DB_USER):$(DB_PASSWORD)@db:5432/app", null));
    }
    c.withEnv(dedupe(env));
    List<EnvFromSource> envFrom = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    if (random.nextBoolean()) {
      ConfigMap cm = configMap(name + "-env");
      out.add(cm);
      switch (random.nextInt(3)) {
        case 0 -> envFrom.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(cm.getMetadata().getName())
            .endConfigMapRef().withPrefix(random.nextBoolean() ? "APP_" : null).build());
        case 1 -> cm.getData().keySet().stream().filter(k -> k.matches("[A-Za-z_][A-Za-z0-9_]*")).findFirst()
            .ifPresent(k -> c.addNewEnv().withName("FROM_CM_" + k).withNewValueFrom().withNewConfigMapKeyRef()
                .withName(cm.getMetadata().getName()).withKey(k).endConfigMapKeyRef().endValueFrom().endEnv());
        default -> {
          volumes.add(new VolumeBuilder().withName("config").withNewConfigMap().withName(cm.getMetadata().getName())
              .endConfigMap().build());
          mounts.add(new VolumeMountBuilder().withName("config").withMountPath("/etc/app").build());
        }
      }
    }
    c.withEnvFrom(envFrom);
    switch (random.nextInt(database ? 3 : 6)) {
      case 0 -> {
        volumes.add(new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build());
        mounts.add(new VolumeMountBuilder().withName("data").withMountPath(database ? dataDir(image) : "/srv/data").build());
      }
      case 1 -> {
        volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
        mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
      }
      case 2 -> {
        String claim = name.length() > 50 ? "claim-" + out.size() : name + "-claim";
        out.add(new PersistentVolumeClaimBuilder().withMetadata(meta(claim)).withNewSpec()
            .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi"))
            .endResources().endSpec().build());
        volumes.add(new VolumeBuilder().withName("store").withNewPersistentVolumeClaim().withClaimName(claim)
            .endPersistentVolumeClaim().build());
        mounts.add(new VolumeMountBuilder().withName("store").withMountPath("/var/lib/store").build());
      }
      case 3 -> {
        volumes.add(new VolumeBuilder().withName("shm").withNewEmptyDir().withMedium("Memory").endEmptyDir().build());
        mounts.add(new VolumeMountBuilder().withName("shm").withMountPath("/dev/shm").build());
      }
      default -> { }
    }
    c.withVolumeMounts(mounts);
    return c.build();
  }

  private static String dataDir(String image) {
    if (image.contains("postgres")) {
      return "/var/lib/postgresql/data";
    } else if (image.contains("mysql")) {
      return "/var/lib/mysql";
    } else if (image.contains("mongo")) {
      return "/data/db";
    } else if (image.contains("rabbitmq")) {
      return "/var/lib/rabbitmq";
    }
    return "/data";
  }

  private ConfigMap configMap(String name) {
    Map<String, String> data = new LinkedHashMap<>();
    for (int k = 1 + random.nextInt(4); k > 0; k--) {
      if (random.nextInt(3) == 0) {
        data.put(CREDENTIAL_KEYS[random.nextInt(CREDENTIAL_KEYS.length)], credential());
      } else {
        data.put(PLAIN_KEYS[random.nextInt(PLAIN_KEYS.length)], "v" + random.nextInt(100));
      }
    }
    if (random.nextInt(4) == 0) {
      data.put("application.properties", "server.port=8080\nspring.datasource.password=" + credential() + "\n");
    }
    return new ConfigMapBuilder().withMetadata(meta(name)).withData(data).build();
  }

  private ObjectMeta meta(String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
  }

  private EnvVar env(String key) {
    String k = key.replaceAll("[^A-Za-z0-9_]", "_");
    return new EnvVarBuilder().withName(k).withValue(credential()).build();
  }

  /** Distinctive values, so that a leak is found by a plain search. */
  private String credential() {
    credentials++;
    return "cred" + credentials + "-" + Long.toString(Math.abs(random.nextLong()), 36);
  }

  private static List<EnvVar> dedupe(List<EnvVar> env) {
    Map<String, EnvVar> byName = new LinkedHashMap<>();
    env.forEach(e -> byName.putIfAbsent(e.getName(), e));
    return new ArrayList<>(byName.values());
  }

  private void ingress() {
    if (services.isEmpty()) {
      return;
    }
    String[] svc = services.get(0).split(":");
    out.add(new IngressBuilder().withMetadata(meta("public")).withNewSpec().addNewRule()
        .withHost(random.nextBoolean() ? "app.example.com" : null).withNewHttp().addNewPath().withPath("/")
        .withPathType("Prefix").withNewBackend().withNewService().withName(svc[0]).withNewPort()
        .withNumber(Integer.parseInt(svc[1])).endPort().endService().endBackend().endPath().endHttp().endRule()
        .endSpec().build());
  }
}
