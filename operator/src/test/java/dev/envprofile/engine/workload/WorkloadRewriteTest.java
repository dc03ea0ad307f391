package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.find;
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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadRewriteTest {
  private static final String WEB = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-env}
      data: {NODE_ENV: development, DEBUG: "true", PORT: "8080"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: localhost:5000/shop/web:dev
              imagePullPolicy: Never
              ports: [{name: http, containerPort: 8080}]
              envFrom: [{configMapRef: {name: web-env}}]
              env: [{name: JAVA_TOOL_OPTIONS, value: "-Xmx1g -XX:+UseG1GC"}]
            - name: sidecar
              image: example/sidecar:2.1
              resources: {limits: {memory: 64Mi, cpu: 50m}}
      """;

  private static Container container(List<HasMetadata> out, String deployment, String name) {
    return get(out, Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void statelessWorkloadsReachTheTiersLevel() {
    List<HasMetadata> out = promote(WEB, "tier: production").objects();
    Deployment d = get(out, Deployment.class, "web");
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getStrategy()).as("the default 25%/25% keeps all 3 pods up").isNull();
    Deployment big = get(promote(WEB.replace("replicas: 1", "replicas: 8"), "tier: production").objects(), Deployment.class, "web");
    assertThat(big.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    assertThat(big.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
    assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement()
        .satisfies(t -> assertThat(t.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway"));
    assertThat(get(out, PodDisruptionBudget.class, "web-pdb").getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(find(out, HorizontalPodAutoscaler.class, "web")).isEmpty();
  }

  /** Issue 13, defect 10b: 25% of the autoscaler's 12 pods is 3 pods down at once, not 0 of today's 3. */
  @Test
  void rolloutBoundsAreJudgedAtTheAutoscalersMaximum() {
    String hpa = """
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 3
          maxReplicas: 12
        """;
    String m = WEB.replace("replicas: 1", "replicas: 3") + hpa;
    CheckResult before = TestManifests.audit(m, "tier: production").report().results().stream()
        .filter(c -> c.check().id().equals("workload.rollout")).findFirst().orElseThrow();
    assertThat(before.passed()).isFalse();
    assertThat(before.fixable()).isTrue();
    assertThat(before.message()).contains("at 12 replicas");
    Result r = promote(m, "tier: production");
    Deployment d = get(r.objects(), Deployment.class, "web");
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    assertThat(result(r, "workload.rollout", "web").passed()).isTrue();
    // without an autoscaler, 3 replicas at 25% lose no pod: the default stays
    assertThat(TestManifests.audit(WEB.replace("replicas: 1", "replicas: 3"), "tier: production").report().results())
        .filteredOn(c -> c.check().id().equals("workload.rollout")).singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    // the autoscaler the promotion generates counts too (maxReplicas 10: 2 pods down at 25%)
    Deployment autoscaled = get(promote(WEB, "tier: production\nworkloads: {autoscaling: {enabled: true}}").objects(),
        Deployment.class, "web");
    assertThat(autoscaled.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
  }

  @Test
  void resourcesRespectTheJvmHeapAndExistingLimits() {
    List<HasMetadata> out = promote(WEB, "tier: production").objects();
    Container web = container(out, "web", "web");
    assertThat(web.getResources().getRequests().get("cpu").toString()).isEqualTo("100m");
    assertThat(web.getResources().getLimits().get("memory").toString()).isEqualTo("1280Mi"); // 1g + 256Mi
    Container side = container(out, "web", "sidecar");
    assertThat(side.getResources().getRequests().get("memory").toString()).isEqualTo("64Mi"); // never above the limit
    assertThat(side.getResources().getRequests().get("cpu").toString()).isEqualTo("50m");
    assertThat(side.getResources().getLimits().get("memory").toString()).isEqualTo("64Mi");
  }

  @Test
  void probesOnTheFirstDeclaredPortWithAStartupProbe() {
    List<HasMetadata> out = promote(WEB, "tier: staging").objects();
    Container web = container(out, "web", "web");
    assertThat(web.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    assertThat(web.getLivenessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8080);
    assertThat(web.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    assertThat(web.getStartupProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(container(out, "web", "sidecar").getReadinessProbe()).isNull();
    Result r = promote(WEB, "tier: staging");
    CheckResult probes = result(r, "workload.probes", "web");
    assertThat(probes.passed()).isFalse();
    assertThat(probes.message()).contains("sidecar (no declared port");
    assertThat(get(out, Deployment.class, "web").getSpec().getReplicas()).isEqualTo(2);
    assertThat(find(out, PodDisruptionBudget.class, "web-pdb")).as("no PDB below production").isEmpty();
  }

  @Test
  void imagesPullPolicyRegistryAndEnvOverrides() {
    String profile = """
        tier: production
        workloads:
          env: {NODE_ENV: production, DEBUG: null, LOG_LEVEL: info}
        images:
          registryRewrites: [{from: "localhost:5000", to: registry.example.com}]
        """;
    Result r = promote(WEB, profile);
    Container web = container(r.objects(), "web", "web");
    assertThat(web.getImage()).isEqualTo("registry.example.com/shop/web:dev");
    assertThat(web.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(web.getEnv()).anyMatch(e -> e.getName().equals("NODE_ENV") && "production".equals(e.getValue()));
    assertThat(web.getEnv()).noneMatch(e -> e.getName().equals("LOG_LEVEL")).as("only variables the container has");
    assertThat(result(r, "security.dev-mode", "web").message()).contains("DEBUG=true").doesNotContain("NODE_ENV");
    assertThat(result(r, "images.registry", "web").passed()).isTrue();
    assertThat(result(r, "images.pinned-tag", "web").passed()).isFalse();
    assertThat(result(r, "images.pull-policy", "web").passed()).isTrue();
  }

  @Test
  void restrictedPodSecurityIsAddedOnlyWhereTheUserIsKnownNotToBeRoot() {
    String m = WEB.replace("      - name: sidecar", "        securityContext: {runAsUser: 1000}\n      - name: sidecar");
    List<HasMetadata> out = promote(m, "tier: production").objects();
    Container web = container(out, "web", "web");
    assertThat(web.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(web.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(web.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    Container side = container(out, "web", "sidecar");
    assertThat(side.getSecurityContext().getRunAsNonRoot()).as("image user unknown").isNull();
    assertThat(side.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    Deployment d = get(out, Deployment.class, "web");
    assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(d.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void autoscalersWhenTheProfileTurnsThemOn() {
    List<HasMetadata> out = promote(WEB, "tier: production\nworkloads: {autoscaling: {enabled: true, maxReplicas: 6}}").objects();
    HorizontalPodAutoscaler h = get(out, HorizontalPodAutoscaler.class, "web");
    assertThat(h.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(h.getSpec().getMaxReplicas()).isEqualTo(6);
    assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
  }

  @Test
  void localRewritesNothingButStillMeasuresTheDistanceFromProduction() {
    Result r = promote(WEB, "tier: local");
    assertThat(yaml(r.objects())).isEqualTo(yaml(TestManifests.parse(WEB)));
    assertThat(r.report().parity()).isLessThan(60);
    assertThat(result(r, "workload.replicas", "web").message()).contains("at least 3");
  }

  @Test
  void theEffectiveEnvironmentIsUnchangedWithoutOverridesAndPromotionIsIdempotent() {
    var s = TestManifests.settings("tier: production");
    List<HasMetadata> once = Engine.promote(TestManifests.parse(WEB), s).objects();
    assertThat(Invariants.environments(once)).isEqualTo(Invariants.environments(TestManifests.parse(WEB)));
    assertThat(yaml(Engine.promote(once, s).objects())).isEqualTo(yaml(once));
  }
}
