package dev.envprofile.engine.storage;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.find;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static dev.envprofile.testing.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageRewriteTest {
  private static final String PROD = "tier: production";

  private static String deployment(String name, String image, String volumes, String mounts, String extra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s%s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - name: main
                image: %s
                ports: [{containerPort: 8080}]
                volumeMounts: %s
              volumes: %s
        """.formatted(name, extra, name, name, image, mounts, volumes);
  }

  @Test
  void dataEmptyDirBecomesAStatefulSetWithAClaimTemplateOfTheSameName() {
    String m = deployment("files", "example/files:1.0", "[{name: uploads, emptyDir: {}}, {name: tmp, emptyDir: {}}]",
        "[{name: uploads, mountPath: /srv/uploads}, {name: tmp, mountPath: /tmp}]",
        ", annotations: {envprofile.dev/data-volumes: uploads}");
    Result r = promote(m, PROD + "\nstorage: {size: 5Gi, storageClassName: fast}");
    assertThat(find(r.objects(), Deployment.class, "files")).isEmpty();
    StatefulSet s = get(r.objects(), StatefulSet.class, "files");
    assertThat(s.getSpec().getVolumeClaimTemplates()).hasSize(1);
    var claim = s.getSpec().getVolumeClaimTemplates().get(0);
    assertThat(claim.getMetadata().getName()).isEqualTo("uploads");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("5Gi");
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(s.getSpec().getTemplate().getSpec().getVolumes()).extracting("name").containsExactly("tmp");
    assertThat(s.getSpec().getReplicas()).isEqualTo(1);
    assertThat(s.getSpec().getServiceName()).isEqualTo("files-headless");
    assertThat(get(r.objects(), Service.class, "files-headless").getSpec().getClusterIP()).isEqualTo("None");
    assertThat(s.getMetadata().getAnnotations()).containsEntry("envprofile.dev/promoted-from", "Deployment/files");
    assertThat(s.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertThat(Invariants.danglingMounts(r.objects())).isEmpty();
  }

  @Test
  void aVolumeNamingNoSourceIsTheEmptyDirTheApiServerMakesOfIt() {
    // Found by DryRunIT on a fuzzed manifest: postgres with `volumes: [{name: data}]` got a second
    // mount at its data directory, which the API server refuses.
    String m = deployment("postgres", "postgres:15", "[{name: data}]", "[{name: data, mountPath: /var/lib/postgresql/data}]", "");
    Result r = promote(m, PROD);
    StatefulSet sts = get(r.objects(), StatefulSet.class, "postgres");
    assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
    var mounts = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts();
    // one mount at the data directory; /tmp and the socket directory are the read-only root's emptyDirs
    assertThat(mounts).extracting(VolumeMount::getMountPath)
        .containsExactly("/var/lib/postgresql/data", "/tmp", "/var/run/postgresql");
  }

  @Test
  void memoryScratchPathsAndScratchNamesAreNotData() {
    String m = deployment("web", "example/web:1.0",
        "[{name: shm, emptyDir: {medium: Memory}}, {name: cache, emptyDir: {}}, {name: work, emptyDir: {}}]",
        "[{name: shm, mountPath: /dev/shm}, {name: cache, mountPath: /srv/cache}, {name: work, mountPath: /var/cache/nginx}]", "");
    Result r = promote(m, PROD);
    assertThat(find(r.objects(), StatefulSet.class, "web")).isEmpty();
    assertThat(result(promote(m, PROD), "storage.ephemeral-data", "web").passed()).isTrue();
  }

  /**
   * Issue 13, defect 6: an app server's output directory and a sidecar's scratch turned stateless
   * services into one-replica StatefulSets. Data is what a known server keeps at its data directory
   * or what the user declares; other emptyDirs stay, and an undeclared one at a data-like path is
   * reported (not fixable) with the way to declare it.
   */
  @Test
  void undeclaredEmptyDirsOfAnAppStayEmptyDirsAndAreReported() {
    String m = deployment("renderer", "example/renderer:2.0",
        "[{name: results, emptyDir: {}}, {name: scratch, emptyDir: {}}, {name: output, emptyDir: {}}]",
        "[{name: results, mountPath: /srv/results}, {name: scratch, mountPath: /work}, {name: output, mountPath: /app/out}]", "");
    Result r = promote(m, PROD);
    assertThat(find(r.objects(), StatefulSet.class, "renderer")).isEmpty();
    Deployment d = get(r.objects(), Deployment.class, "renderer");
    assertThat(d.getSpec().getReplicas()).as("it may keep data there: not proved stateless, not scaled").isEqualTo(1);
    assertThat(d.getSpec().getTemplate().getSpec().getVolumes()).extracting("name")
        .containsExactly("results", "scratch", "output");
    CheckResult c = result(r, "storage.ephemeral-data", "renderer");
    assertThat(c.passed()).isFalse();
    assertThat(c.fixable()).as("nothing Enforce does would make it pass: a live profile must not wait for it").isFalse();
    assertThat(c.message()).contains("results at /srv/results").doesNotContain("scratch at").doesNotContain("output at")
        .contains("envprofile.dev/data-volumes: \"results\"");

    String declaredNone = deployment("renderer", "example/renderer:2.0", "[{name: results, emptyDir: {}}]",
        "[{name: results, mountPath: /srv/results}]", ", annotations: {envprofile.dev/data-volumes: \"\"}");
    Result none = promote(declaredNone, PROD);
    assertThat(result(none, "storage.ephemeral-data", "renderer").passed()).isTrue();
    assertThat(get(none.objects(), Deployment.class, "renderer").getSpec().getReplicas())
        .as("declared to keep no data: scaled like any other").isEqualTo(3);
  }

  @Test
  void onlyAServersDataDirectoryIsItsData() {
    // redis keeps data at /data; its emptyDir there is data, the exporter sidecar's scratch is not.
    String m = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cache-db}
        spec:
          selector: {matchLabels: {app: cache-db}}
          template:
            metadata: {labels: {app: cache-db}}
            spec:
              containers:
              - name: redis
                image: redis:7.2
                volumeMounts: [{name: store, mountPath: /data}]
              - name: exporter
                image: example/exporter:1.0
                volumeMounts: [{name: textfiles, mountPath: /srv/textfiles}]
              volumes: [{name: store, emptyDir: {}}, {name: textfiles, emptyDir: {}}]
        """;
    StatefulSet s = get(promote(m, PROD).objects(), StatefulSet.class, "cache-db");
    assertThat(s.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("store");
    // redis-tmp: the read-only root's /tmp (redis is known once /data is on a claim); the exporter is not known
    assertThat(s.getSpec().getTemplate().getSpec().getVolumes()).extracting("name").containsExactly("textfiles", "redis-tmp");
  }

  @Test
  void aRedisThatPersistsNothingIsACacheNotAClaimButIsStillNotScaled() {
    // stefanprodan/podinfo deploy/bases/cache: redis.conf says save "" and appendonly no.
    String cache = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: redis-config}
        data:
          redis.conf: |
            maxmemory 64mb
            maxmemory-policy allkeys-lru
            save ""
            appendonly no
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cache}
        spec:
          replicas: 1
          selector: {matchLabels: {app: cache}}
          template:
            metadata: {labels: {app: cache}}
            spec:
              containers:
              - name: redis
                image: redis:7.2
                command: [redis-server, /redis-master/redis.conf]
                volumeMounts: [{name: data, mountPath: /data}, {name: config, mountPath: /redis-master}]
              volumes: [{name: data, emptyDir: {}}, {name: config, configMap: {name: redis-config}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: flags}
        spec:
          replicas: 1
          selector: {matchLabels: {app: flags}}
          template:
            metadata: {labels: {app: flags}}
            spec:
              containers: [{name: valkey, image: valkey/valkey:8, args: [--save, "", --appendonly, "no"]}]
        ---
        """;
    Result r = promote(cache, PROD);
    for (String name : List.of("cache", "flags")) {
      Deployment d = get(r.objects(), Deployment.class, name);
      assertThat(d.getSpec().getReplicas()).as(name + " keeps state in memory: not scaled").isEqualTo(1);
      assertThat(find(r.objects(), StatefulSet.class, name)).as(name).isEmpty();
      assertThat(result(r, "storage.ephemeral-data", name).passed()).as(name).isTrue();
    }
    assertThat(get(r.objects(), Deployment.class, "cache").getSpec().getTemplate().getSpec().getVolumes())
        .extracting("name").containsExactly("data", "config");

    // A snapshot schedule, or the append-only file on, is persistence: converted as before.
    for (String persists : List.of(cache.replace("save \"\"", "save 60 1000"), cache.replace("appendonly no", "appendonly yes"))) {
      StatefulSet s = get(promote(persists, PROD).objects(), StatefulSet.class, "cache");
      assertThat(s.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
    }
    assertThat(get(promote(cache.replace("--appendonly, \"no\"]", "--appendonly, \"yes\"]"), PROD).objects(),
        StatefulSet.class, "flags").getSpec().getVolumeClaimTemplates()).hasSize(1);
  }

  @Test
  void theDataVolumesAnnotationNamesDataExplicitly() {
    String m = deployment("indexer", "example/indexer:1.0", "[{name: cache, emptyDir: {}}]",
        "[{name: cache, mountPath: /tmp/index}]", ", annotations: {envprofile.dev/data-volumes: cache}");
    StatefulSet s = get(promote(m, PROD).objects(), StatefulSet.class, "indexer");
    assertThat(s.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("cache");
  }

  @Test
  void anExistingHeadlessServiceIsReused() {
    String m = deployment("db", "postgres:16", "[{name: data, emptyDir: {}}]",
        "[{name: data, mountPath: /var/lib/postgresql/data}]", "") + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db-peers}
        spec:
          clusterIP: None
          selector: {app: db}
          ports: [{port: 5432}]
        """;
    Result r = promote(m, PROD);
    assertThat(get(r.objects(), StatefulSet.class, "db").getSpec().getServiceName()).isEqualTo("db-peers");
    assertThat(find(r.objects(), Service.class, "db-headless")).isEmpty();
  }

  @Test
  void longNamesFitTheStatefulSetAndServiceLimits() {
    String name = "a-very-long-deployment-name-that-goes-on-and-on-for-quite-a-while";
    String m = deployment(name, "example/x:1.0", "[{name: data, emptyDir: {}}]", "[{name: data, mountPath: /data}]",
        ", annotations: {envprofile.dev/data-volumes: data}");
    Result r = promote(m, PROD);
    StatefulSet s = r.objects().stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
    assertThat(s.getMetadata().getName().length()).isLessThanOrEqualTo(52);
    assertThat(s.getSpec().getServiceName().length()).isLessThanOrEqualTo(63);
    assertThat(s.getSpec().getServiceName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(s.getMetadata().getAnnotations()).containsEntry("envprofile.dev/promoted-from", "Deployment/" + name);
  }

  @Test
  void aReadWriteOnceClaimStaysMountedAtOneReplicaWithAFinding() {
    String m = deployment("uploads", "example/uploads:1.0", "[{name: files, persistentVolumeClaim: {claimName: uploads-pvc}}]",
        "[{name: files, mountPath: /srv/files}]", "") + """
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads-pvc}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """;
    Result r = promote(m, PROD);
    Deployment d = get(r.objects(), Deployment.class, "uploads");
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(d.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("uploads-pvc");
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isZero();
    assertThat(result(r, "storage.rwo-claim", "uploads").passed()).isFalse();
    assertThat(Invariants.claimMounts(r.objects())).containsAll(Invariants.claimMounts(TestManifests.parse(m)));
  }

  @Test
  void aServerImageWithoutAVolumeGetsOneAtItsDataDirectoryAndIsNeverScaled() {
    String m = deployment("postgres", "docker.io/library/postgres:16.4", "[]", "[]", "");
    Result r = promote(m, PROD);
    StatefulSet s = get(r.objects(), StatefulSet.class, "postgres");
    assertThat(s.getSpec().getReplicas()).isEqualTo(1);
    assertThat(s.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
    VolumeMount mount = s.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(0);
    assertThat(mount.getMountPath()).isEqualTo("/var/lib/postgresql/data");
    assertThat(mount.getSubPath()).isEqualTo("postgres"); // initdb refuses a volume's lost+found
    assertThat(result(r, "storage.replication", "postgres").passed()).isFalse();
  }

  @Test
  void aServerKnownOnlyByItsPortIsReportedUntilItsDataPathIsGiven() {
    String m = deployment("kv", "example/custom-kv:3.1", "[]", "[]", "").replace("8080", "6379");
    Result r = promote(m, PROD);
    assertThat(find(r.objects(), StatefulSet.class, "kv")).isEmpty();
    CheckResult c = result(r, "storage.ephemeral-data", "kv");
    assertThat(c.passed()).isFalse();
    assertThat(c.fixable()).isFalse();
    assertThat(c.message()).contains("envprofile.dev/data-path");
    assertThat(get(r.objects(), Deployment.class, "kv").getSpec().getReplicas()).isEqualTo(1);

    String pinned = deployment("kv", "example/custom-kv:3.1", "[]", "[]", ", annotations: {envprofile.dev/data-path: /var/kv}")
        .replace("8080", "6379");
    StatefulSet s = get(promote(pinned, PROD).objects(), StatefulSet.class, "kv");
    assertThat(s.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(0).getMountPath()).isEqualTo("/var/kv");
  }

  @Test
  void aStatefulSetIsReportedNotRewrittenAndCachesAreNotStateful() {
    String sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: mongo}
        spec:
          serviceName: mongo
          selector: {matchLabels: {app: mongo}}
          template:
            metadata: {labels: {app: mongo}}
            spec:
              containers:
              - {name: mongo, image: "mongo:7", ports: [{containerPort: 27017}]}
        """;
    Result r = promote(sts, PROD);
    StatefulSet s = get(r.objects(), StatefulSet.class, "mongo");
    assertThat(s.getSpec().getVolumeClaimTemplates()).isNullOrEmpty();
    assertThat(s.getSpec().getReplicas()).isNull();
    assertThat(result(r, "storage.ephemeral-data", "mongo").fixable()).isFalse();

    String memcached = deployment("memcached", "memcached:1.6", "[]", "[]", "");
    Result m = promote(memcached, PROD);
    assertThat(get(m.objects(), Deployment.class, "memcached").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void hostPathAndBackupFindings() {
    String m = deployment("agent", "example/agent:1.0", "[{name: host, hostPath: {path: /var/lib/agent}}]",
        "[{name: host, mountPath: /data}]", "");
    Result r = audit(m, PROD);
    assertThat(result(r, "storage.host-path", "agent").passed()).isFalse();
    assertThat(result(r, "storage.backup", "agent").passed()).isFalse();
    String declared = m.replace("metadata: {name: agent", "metadata: {name: agent, annotations: {envprofile.dev/backup: daily}");
    assertThat(result(audit(declared, PROD), "storage.backup", "agent").passed()).isTrue();
  }

  @Test
  void promotingTwiceChangesNothing() {
    String m = deployment("db", "postgres:16", "[]", "[]", "") + "---\n"
        + deployment("files", "example/files:1.0", "[{name: uploads, emptyDir: {}}]", "[{name: uploads, mountPath: /srv}]", "");
    var s = TestManifests.settings(PROD);
    List<HasMetadata> once = dev.envprofile.engine.Engine.promote(TestManifests.parse(m), s).objects();
    List<HasMetadata> twice = dev.envprofile.engine.Engine.promote(once, s).objects();
    assertThat(yaml(twice)).isEqualTo(yaml(once));
  }
}
