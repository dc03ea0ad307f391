package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.engine.Result;
import dev.envprofile.engine.model.CheckResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 10a: {@code drop: [all]} was reported fixable and never fixed, so a live profile
 * waited forever. Pod Security Admission wants "ALL"; Enforce writes it, whatever the image's user.
 */
class DropAllCaseTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        replicas: 3
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            securityContext: {seccompProfile: {type: RuntimeDefault}}
            containers:
            - name: api
              image: example/api:1.4
              securityContext:
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                capabilities: {drop: [all, NET_RAW]}
      """;

  @Test
  void lowerCaseAllIsFixableAndFixed() {
    CheckResult before = result(audit(APP, "tier: production"), "security.pod-security", "api");
    assertThat(before.passed()).isFalse();
    assertThat(before.fixable()).isTrue();
    assertThat(before.message()).contains("capabilities drop ALL (upper case)");

    Result r = promote(APP, "tier: production");
    var sc = get(r.objects(), Deployment.class, "api").getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL", "NET_RAW");
    assertThat(result(r, "security.pod-security", "api").passed()).isTrue();
  }
}
