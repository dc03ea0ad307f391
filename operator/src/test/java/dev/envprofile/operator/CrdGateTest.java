package dev.envprofile.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient
class CrdGateTest {
  private static final String ALL = "/apis/envprofile.dev/v1alpha1/environmentprofiles?limit=1";
  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void aMissingCrdIsOneLineThatSaysHowToInstallIt() {
    server.expect().get().withPath(ALL).andReturn(404, "{}").once();
    assertThat(CrdGate.problem(client, List.of())).isEqualTo("the EnvironmentProfile CRD is not installed "
        + "(kubectl apply --server-side -f crds/environmentprofiles.envprofile.dev-v1.yaml)");
  }

  @Test
  void missingRbacIsNamedForTheWatchedNamespaces() {
    server.expect().get().withPath("/apis/envprofile.dev/v1alpha1/namespaces/shop/environmentprofiles?limit=1")
        .andReturn(403, "{}").once();
    assertThat(CrdGate.problem(client, List.of("shop"))).startsWith("not allowed to list EnvironmentProfiles (HTTP 403)");
  }

  @Test
  void listableProfilesOpenTheGate() {
    server.expect().get().withPath(ALL)
        .andReturn(200, "{\"apiVersion\":\"envprofile.dev/v1alpha1\",\"kind\":\"EnvironmentProfileList\",\"items\":[]}").once();
    assertThat(CrdGate.problem(client, List.of())).isNull();
  }

  @Test
  void anUnreachableApiServerIsNamedWithTheCauseNotAsHttpMinusOne() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    var config = new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
        .withMasterUrl("https://127.0.0.1:" + closed).withRequestRetryBackoffLimit(0).build();
    try (KubernetesClient down = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
      String problem = CrdGate.problem(down, List.of());
      assertThat(problem).startsWith("cannot reach the API server at https://127.0.0.1:" + closed + "/ (")
          .endsWith("): the connection was refused or closed (is the API server running?)")
          .doesNotContain("An error has occurred").doesNotContain("HTTP -1");
    }
  }
}
