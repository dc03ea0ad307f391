package dev.envprofile.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/**
 * postgres 18 moved its data to /var/lib/postgresql/18/docker and refuses to start with a mount at
 * /var/lib/postgresql/data: a converted postgres 18 (or unpinned postgres) gets its claim at
 * /var/lib/postgresql, an older one keeps /var/lib/postgresql/data.
 */
class PostgresDataDirTest {
  @Test
  void theDataDirectoryFollowsTheMajorVersion() {
    assertThat(StatefulServers.dataDir("postgres", "postgres:16.2")).isEqualTo("/var/lib/postgresql/data");
    assertThat(StatefulServers.dataDir("postgres", "postgres:17-alpine")).isEqualTo("/var/lib/postgresql/data");
    assertThat(StatefulServers.dataDir("postgres", "postgis/postgis:16-3.4")).isEqualTo("/var/lib/postgresql/data");
    assertThat(StatefulServers.dataDir("postgres", "timescale/timescaledb:latest-pg17")).isEqualTo("/var/lib/postgresql/data");
    assertThat(StatefulServers.dataDir("postgres", "postgres:9.6")).isEqualTo("/var/lib/postgresql/data");
    for (String unpinnedOr18 : new String[] {"postgres", "postgres:latest", "postgres:alpine", "postgres:18",
        "postgres:18.1-bookworm", "timescale/timescaledb:latest-pg18", "docker.io/library/postgres:19"}) {
      assertThat(StatefulServers.dataDir("postgres", unpinnedOr18)).as(unpinnedOr18).isEqualTo("/var/lib/postgresql");
    }
    assertThat(StatefulServers.dataDir("postgres", "bitnami/postgresql:18")).isEqualTo("/bitnami/postgresql");
  }

  @Test
  void aPostgres18WithoutVolumeGetsItsClaimWhereTheImageWantsIt() {
    Result r = TestManifests.promote("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: postgres
                image: postgres:18.1
                ports: [{containerPort: 5432}]
                env: [{name: POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
        """, "tier: production");
    StatefulSet sts = TestManifests.get(r.objects(), StatefulSet.class, "db");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getMountPath()).contains("/var/lib/postgresql").doesNotContain("/var/lib/postgresql/data");
  }
}
