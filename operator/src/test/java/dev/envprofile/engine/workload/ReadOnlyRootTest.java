package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static dev.envprofile.testing.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.testing.Invariants;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** security.read-only-root: the check, its tiers, and the rewrite only where the image's writes are known. */
class ReadOnlyRootTest {
  private static final String PROD = "tier: production";

  private static String deployment(String name, String image, String containerExtra, String podExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers:
              - name: %1$s
                image: %2$s
                ports: [{containerPort: 8080}]
        %3$s
        %4$s
        """.formatted(name, image, indent(containerExtra, 8), indent(podExtra, 6));
  }

  private static String indent(String s, int n) {
    return s.isEmpty() ? "" : s.strip().indent(n).stripTrailing();
  }

  private static final String NGINX_SITE = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: site}
      data:
        default.conf: |
          server {
            listen 8080;
            access_log /var/log/nginx/access.log main;
            location / { root /usr/share/nginx/html; }
            location /api { proxy_pass http://api:8080; proxy_temp_path /var/cache/nginx/proxy 1 2; }
          }
      ---
      """;

  private static String nginx(String siteData) {
    return NGINX_SITE.replace("""
            location /api { proxy_pass http://api:8080; proxy_temp_path /var/cache/nginx/proxy 1 2; }
        """, siteData) + deployment("web", "nginx:1.27", """
        volumeMounts: [{name: site, mountPath: /etc/nginx/conf.d}]
        """, "volumes: [{name: site, configMap: {name: site}}]");
  }

  private static PodSpec pod(List<HasMetadata> out, String name) {
    return out.stream().filter(o -> o.getMetadata().getName().equals(name))
        .map(o -> dev.envprofile.engine.inventory.Workload.of(o).pod()).findFirst().orElseThrow();
  }

  private static List<String> paths(Container c) {
    return c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
  }

  @Test
  void anUnknownImageFailsAndIsNeverRewritten() {
    String m = deployment("api", "registry.example.com/shop/api:1.4.2", "", "");
    CheckResult before = result(audit(m, PROD), "security.read-only-root", "api");
    assertThat(before.passed()).isFalse();
    assertThat(before.fixable()).isFalse();
    assertThat(before.message()).contains("production needs readOnlyRootFilesystem: true on api")
        .contains("what image registry.example.com/shop/api:1.4.2 writes is not known");
    Result r = promote(m, PROD);
    Container c = pod(r.objects(), "api").getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isNull();
    assertThat(pod(r.objects(), "api").getVolumes()).isNullOrEmpty();
    assertThat(result(r, "security.read-only-root", "api").passed()).isFalse();
  }

  @Test
  void aReadOnlyRootPasses() {
    String m = deployment("api", "registry.example.com/shop/api:1.4.2", "securityContext: {readOnlyRootFilesystem: true}", "");
    assertThat(result(audit(m, PROD), "security.read-only-root", "api").passed()).isTrue();
  }

  @Test
  void initContainersAreJudgedToo() {
    String m = deployment("api", "registry.example.com/shop/api:1.4.2", "securityContext: {readOnlyRootFilesystem: true}",
        "initContainers: [{name: migrate, image: registry.example.com/shop/migrate:1.0}]");
    CheckResult r = result(audit(m, PROD), "security.read-only-root", "api");
    assertThat(r.passed()).isFalse();
    assertThat(r.message()).contains("on migrate (").doesNotContain("on api");
  }

  @Test
  void postgresWithItsDataOnAVolumeGetsAReadOnlyRootAndScratchEmptyDirs() {
    String m = deployment("db", "postgres:16.4", """
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
        """, "volumes: [{name: data, persistentVolumeClaim: {claimName: db-data}}]");
    assertThat(result(audit(m, PROD), "security.read-only-root", "db").fixable()).isTrue();
    Result r = promote(m, PROD);
    PodSpec pod = pod(r.objects(), "db");
    Container c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(paths(c)).containsExactly("/var/lib/postgresql/data", "/tmp", "/var/run/postgresql");
    assertThat(pod.getVolumes()).filteredOn(v -> v.getEmptyDir() != null).extracting("name")
        .containsExactly("db-tmp", "db-pg-run");
    assertThat(result(r, "security.read-only-root", "db").passed()).isTrue();
    assertThat(Invariants.lostOrShadowedMounts(TestManifests.parse(m), r.objects())).isEmpty();
    assertThat(Invariants.environments(r.objects())).isEqualTo(Invariants.environments(TestManifests.parse(m)));
  }

  @Test
  void postgresWithoutAVolumeGetsItOnlyAfterTheStorageConversion() {
    String m = deployment("db", "postgres:15", "", "");
    CheckResult before = result(audit(m, PROD), "security.read-only-root", "db");
    assertThat(before.fixable()).isFalse();
    assertThat(before.message()).contains("its data directory /var/lib/postgresql/data is not on a volume");
    StatefulSet s = get(promote(m, PROD).objects(), StatefulSet.class, "db");
    Container c = s.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as("the claim holds the data now").isTrue();
    assertThat(paths(c)).contains("/var/lib/postgresql/data", "/tmp", "/var/run/postgresql");
  }

  @Test
  void postgres18AndUntaggedPostgresKeepTheFinding() {
    // 18 keeps its data under /var/lib/postgresql/18/docker: a read-only root would refuse its first write
    for (String image : List.of("postgres:18", "postgres", "postgres:alpine", "postgres:latest")) {
      String m = deployment("db", image, "volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]",
          "volumes: [{name: data, persistentVolumeClaim: {claimName: db-data}}]");
      Result r = promote(m, PROD);
      assertThat(pod(r.objects(), "db").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
          .as(image).isNull();
      assertThat(result(r, "security.read-only-root", "db").message()).as(image).contains("postgres 18");
    }
  }

  @Test
  void aServerWithArgumentsNamingFilesOrACommandKeepsTheFinding() {
    for (String extra : List.of("args: [\"--dir\", \"/var/redis\"]", "args: [\"/usr/local/etc/redis/redis.conf\"]",
        "command: [sh, -c, \"redis-server\"]", "command: [redis-server, --appendfilename, x.aof]")) {
      String m = deployment("cache", "redis:7.2", extra + "\nvolumeMounts: [{name: data, mountPath: /data}]",
          "volumes: [{name: data, persistentVolumeClaim: {claimName: cache-data}}]");
      Result r = promote(m, PROD);
      assertThat(pod(r.objects(), "cache").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
          .as(extra).isNull();
      assertThat(result(r, "security.read-only-root", "cache").fixable()).as(extra).isFalse();
    }
  }

  @Test
  void redisStartedByItsServerBinaryIsKnown() {
    String m = deployment("cache", "docker.io/library/redis:7.2.4", """
        command: ["redis-server", "--requirepass", "$(REDIS_PASSWORD)"]
        volumeMounts: [{name: data, mountPath: /data}]
        """, "volumes: [{name: data, persistentVolumeClaim: {claimName: cache-data}}]");
    Container c = pod(promote(m, PROD).objects(), "cache").getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(paths(c)).containsExactly("/data", "/tmp");
  }

  @Test
  void anExistingMountIsNeverShadowed() {
    // /tmp is already a volume: it stays the only mount there; a volume below /var/run/postgresql blocks the rewrite
    String covered = deployment("db", "postgres:16", """
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}, {name: scratch, mountPath: /tmp}]
        """, "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}, {name: scratch, emptyDir: {medium: Memory}}]");
    Container c = pod(promote(covered, PROD).objects(), "db").getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(paths(c)).containsExactly("/var/lib/postgresql/data", "/tmp", "/var/run/postgresql");
    assertThat(c.getVolumeMounts().get(1).getName()).isEqualTo("scratch");

    String below = deployment("db", "postgres:16", """
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}, {name: sock, mountPath: /var/run/postgresql/extra}]
        """, "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}, {name: sock, emptyDir: {}}]");
    Result r = promote(below, PROD);
    assertThat(pod(r.objects(), "db").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isNull();
    assertThat(result(r, "security.read-only-root", "db").message()).contains("a volume is mounted below /var/run/postgresql");
  }

  @Test
  void aTakenVolumeNameBlocksTheRewrite() {
    String m = deployment("db", "postgres:16", """
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}, {name: db-tmp, mountPath: /srv/x}]
        """, "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}, {name: db-tmp, configMap: {name: x}}]");
    Result r = promote(m, PROD);
    assertThat(pod(r.objects(), "db").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isNull();
    assertThat(result(r, "security.read-only-root", "db").message()).contains("the volume name db-tmp is taken");
  }

  @Test
  void nginxWithItsOwnSiteWritingOnlyToScratchIsRewritten() {
    String m = nginx("""
            location /api { proxy_pass http://api:8080; proxy_temp_path /var/cache/nginx/proxy 1 2; }
        """);
    Result r = promote(m, PROD);
    PodSpec pod = pod(r.objects(), "web");
    Container c = pod.getContainers().get(0);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(paths(c)).containsExactly("/etc/nginx/conf.d", "/tmp", "/var/cache/nginx", "/var/run");
    assertThat(result(r, "security.read-only-root", "web").passed()).isTrue();
  }

  @Test
  void nginxWritingElsewhereOrWithTheDefaultSiteKeepsTheFinding() {
    String cache = nginx("""
            proxy_cache_path /data/cache keys_zone=one:10m;
        """);
    Result r = promote(cache, PROD);
    assertThat(pod(r.objects(), "web").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isNull();
    assertThat(result(r, "security.read-only-root", "web").message()).contains("file default.conf writes outside")
        .contains("(proxy_cache_path)").doesNotContain("/data/cache");

    String log = nginx("""
            access_log /var/log/nginx/custom.log;
        """);
    assertThat(result(promote(log, PROD), "security.read-only-root", "web").passed()).isFalse();

    // the packaged default site: the entrypoint edits it (IPv6 listen) and would silently skip that
    String plain = deployment("web", "nginx:1.27", "", "");
    Result p = promote(plain, PROD);
    assertThat(pod(p.objects(), "web").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isNull();
    assertThat(result(p, "security.read-only-root", "web").message()).contains("default site");

    // templates are rendered into /etc/nginx/conf.d at start
    String templates = NGINX_SITE + deployment("web", "nginx:1.27", """
        volumeMounts: [{name: site, mountPath: /etc/nginx/conf.d}, {name: site, mountPath: /etc/nginx/templates}]
        """, "volumes: [{name: site, configMap: {name: site}}]");
    assertThat(result(promote(templates, PROD), "security.read-only-root", "web").message()).contains("templates");
  }

  @Test
  void aMirroredOrForkedImageIsNotTheOfficialOne() {
    for (String image : List.of("registry.example.com/postgres:16", "bitnami/postgresql:16", "example/redis:7")) {
      String m = deployment("db", image, "volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]",
          "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}]");
      assertThat(result(audit(m, PROD), "security.read-only-root", "db").fixable()).as(image).isFalse();
    }
  }

  @Test
  void stagingToleratesAWritableRootAndLocalRewritesNothing() {
    String m = deployment("db", "postgres:16", "volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]",
        "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}]");
    for (String tier : List.of("tier: staging", "tier: local")) {
      Result r = promote(m, tier);
      assertThat(pod(r.objects(), "db").getContainers().get(0).getSecurityContext() == null
          || pod(r.objects(), "db").getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem() == null)
          .as(tier).isTrue();
      assertThat(result(r, "security.read-only-root", "db").passed()).as("%s is still measured against production", tier)
          .isFalse();
    }
  }

  @Test
  void theRewriteIsIdempotent() {
    String m = deployment("db", "postgres:16", "volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]",
        "volumes: [{name: data, persistentVolumeClaim: {claimName: d}}]");
    Result once = promote(m, PROD);
    Result twice = Engine.promote(once.objects(), TestManifests.settings(PROD));
    assertThat(yaml(twice.objects())).isEqualTo(yaml(once.objects()));
  }

  @Test
  void theNginxScannerIsLinearOnHostileText() {
    String hostile = "proxy_temp_path ".repeat(20_000) + "#".repeat(50_000) + "{;}".repeat(20_000);
    long start = System.nanoTime();
    NginxConfig.writesOutside(hostile);
    assertThat(NginxConfig.writesOutside("x".repeat(NginxConfig.MAX_CHARS + 1))).contains("larger than");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(NginxConfig.writesOutside("pid /tmp/nginx.pid; error_log stderr warn; access_log off;")).isNull();
    assertThat(NginxConfig.writesOutside("pid nginx.pid;")).isEqualTo("pid nginx.pid");
    assertThat(NginxConfig.writesOutside("client_body_temp_path $dir;")).isNotNull();
    assertThat(NginxConfig.writesOutside("# pid /etc/nginx.pid;\nproxy_store off;")).isNull();
  }
}
