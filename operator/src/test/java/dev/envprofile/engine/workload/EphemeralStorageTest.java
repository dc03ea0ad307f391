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
import dev.envprofile.testing.TestManifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** workload.ephemeral-storage: a request always, a limit only where the most a container writes is known. */
class EphemeralStorageTest {
  private static final String PROD = "tier: production";

  private static String web(String containerExtra, String podExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1.0
        %s
        %s
        """.formatted(containerExtra.isEmpty() ? "" : containerExtra.strip().indent(8).stripTrailing(),
        podExtra.isEmpty() ? "" : podExtra.strip().indent(6).stripTrailing());
  }

  private static Container container(Result r) {
    return get(r.objects(), Deployment.class, "web").getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void aContainerWithoutThemFailsAndGetsOnlyARequest() {
    String m = web("", "");
    CheckResult before = result(audit(m, PROD), "workload.ephemeral-storage", "web");
    assertThat(before.passed()).isFalse();
    assertThat(before.fixable()).as("the limit cannot be known: a writable root").isFalse();
    assertThat(before.message()).contains("production needs an ephemeral-storage request on web and an ephemeral-storage limit on web");
    Result r = promote(m, PROD);
    Container c = container(r);
    assertThat(c.getResources().getRequests().get("ephemeral-storage").toString()).isEqualTo("64Mi");
    assertThat(c.getResources().getLimits()).doesNotContainKey("ephemeral-storage");
    CheckResult after = result(r, "workload.ephemeral-storage", "web");
    assertThat(after.passed()).isFalse();
    assertThat(after.message()).doesNotContain("request on").contains("limit on web (set it from the disk");
  }

  @Test
  void bothSetPasses() {
    String m = web("resources: {requests: {ephemeral-storage: 100Mi}, limits: {ephemeral-storage: 1Gi}}", "");
    assertThat(result(audit(m, PROD), "workload.ephemeral-storage", "web").passed()).isTrue();
  }

  @Test
  void aReadOnlyRootWithSizedEmptyDirsGetsALimitFromTheirSizes() {
    String m = web("""
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts: [{name: tmp, mountPath: /tmp}, {name: shm, mountPath: /dev/shm}]
        """, "volumes: [{name: tmp, emptyDir: {sizeLimit: 512Mi}}, {name: shm, emptyDir: {medium: Memory}}]");
    assertThat(result(audit(m, PROD), "workload.ephemeral-storage", "web").fixable()).isTrue();
    Result r = promote(m, PROD);
    Container c = container(r);
    assertThat(c.getResources().getLimits().get("ephemeral-storage").toString()).as("512Mi + 256Mi for logs")
        .isEqualTo("768Mi");
    assertThat(c.getResources().getRequests().get("ephemeral-storage").toString()).isEqualTo("64Mi");
    assertThat(result(r, "workload.ephemeral-storage", "web").passed()).isTrue();
  }

  @Test
  void anUnsizedEmptyDirLeavesTheLimitUnknown() {
    String m = web("""
        securityContext: {readOnlyRootFilesystem: true}
        volumeMounts: [{name: tmp, mountPath: /tmp}]
        """, "volumes: [{name: tmp, emptyDir: {}}]");
    Container c = container(promote(m, PROD));
    assertThat(c.getResources().getLimits()).doesNotContainKey("ephemeral-storage");
  }

  @Test
  void theProfilesValuesAreUsedAndTheRequestNeverExceedsTheLimit() {
    String spec = "tier: production\nworkloads: {resources: {requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 2Gi},"
        + " limits: {memory: 512Mi, ephemeral-storage: 1Gi}}}";
    Container c = container(promote(web("", ""), spec));
    assertThat(c.getResources().getLimits().get("ephemeral-storage").toString()).isEqualTo("1Gi");
    assertThat(c.getResources().getRequests().get("ephemeral-storage").toString()).as("capped at the limit").isEqualTo("1Gi");
  }

  @Test
  void stagingAndLocalTolerateThemMissing() {
    for (String tier : List.of("tier: staging", "tier: local")) {
      Result r = promote(web("", ""), tier);
      var res = container(r).getResources();
      assertThat(res == null || res.getRequests() == null || !res.getRequests().containsKey("ephemeral-storage"))
          .as(tier).isTrue();
      assertThat(result(r, "workload.ephemeral-storage", "web").passed()).isFalse();
    }
  }

  @Test
  void theRewriteIsIdempotentAndKeepsOtherResources() {
    String m = web("resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 1Gi}}", "");
    Result once = promote(m, PROD);
    Container c = container(once);
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory", "ephemeral-storage");
    assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
    assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
    Result twice = Engine.promote(once.objects(), TestManifests.settings(PROD));
    assertThat(yaml(twice.objects())).isEqualTo(yaml(once.objects()));
  }
}
