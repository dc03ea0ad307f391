package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.cli.docs.ApiMarkdown;
import dev.envprofile.cli.docs.CatalogMarkdown;
import dev.envprofile.cli.docs.DocsGenerator;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.CheckInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/checks.md and docs/api.md are generated: they must match the code (run `make docs`). */
class DocsUpToDateTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void checkCatalogDocIsCurrent() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/checks.md"))).as("run `make docs`").isEqualTo(CatalogMarkdown.render(ROOT));
  }

  @Test
  void apiDocIsCurrent() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/api.md"))).as("run `make docs`")
        .isEqualTo(ApiMarkdown.render(DocsGenerator.crd(ROOT)));
  }

  @Test
  void everyContractCheckIdIsInTheCatalog() {
    var ids = Catalog.infos().stream().map(CheckInfo::id).toList();
    assertThat(ids).contains("security.secrets-in-configmap", "security.secrets-in-env", "security.weak-credential",
        "security.tls", "security.network-policy", "security.network-peers", "security.pod-security",
        "security.service-account-token", "security.dev-mode", "security.unauthenticated-service",
        "security.plaintext-connection", "config.dev-endpoint", "storage.ephemeral-data", "storage.replication",
        "storage.host-path", "storage.backup", "images.pinned-tag", "images.pull-policy", "images.registry",
        "workload.replicas", "workload.resources", "workload.probes", "workload.rollout",
        "workload.disruption-budget", "workload.spread", "network.service-exposure", "network.external-egress",
        "workload.autoscaling");
    assertThat(ids).doesNotHaveDuplicates();
  }
}
