package dev.envprofile.engine.workload;

import static dev.envprofile.testing.TestManifests.audit;
import static dev.envprofile.testing.TestManifests.get;
import static dev.envprofile.testing.TestManifests.promote;
import static dev.envprofile.testing.TestManifests.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** security.service-account-token judges the token the pod actually gets: its own field, else its account's. */
class ServiceAccountTokenTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            %s
            containers:
            - {name: api, image: "example/api:1.4.2"}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: default}
      automountServiceAccountToken: false
      """;

  @Test
  void aDefaultAccountThatMountsNoTokenPassesAndIsLeftAlone() {
    String m = APP.formatted("dnsPolicy: ClusterFirst");
    assertThat(result(audit(m, "tier: production"), "security.service-account-token", "api").passed())
        .as("the ServiceAccount mounts no token and the pod does not ask for one").isTrue();
    assertThat(get(promote(m, "tier: production").objects(), Deployment.class, "api").getSpec().getTemplate().getSpec()
        .getAutomountServiceAccountToken()).isNull();
  }

  @Test
  void thePodsOwnSettingWinsOverItsAccount() {
    String m = APP.formatted("automountServiceAccountToken: true");
    assertThat(result(audit(m, "tier: production"), "security.service-account-token", "api").passed()).isFalse();
    assertThat(get(promote(m, "tier: production").objects(), Deployment.class, "api").getSpec().getTemplate().getSpec()
        .getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void anAccountThatMountsTokensStillFails() {
    String m = APP.formatted("dnsPolicy: ClusterFirst").replace("automountServiceAccountToken: false", "automountServiceAccountToken: true");
    assertThat(result(audit(m, "tier: production"), "security.service-account-token", "api").passed()).isFalse();
  }
}
