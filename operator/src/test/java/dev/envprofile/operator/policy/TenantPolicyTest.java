package dev.envprofile.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantPolicyTest {

  private static Settings settings(String spec) {
    String doc = "apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p, namespace: team-a}\nspec:\n"
        + spec.indent(2);
    EnvironmentProfile p = ManifestReader.serialization().unmarshal(doc, EnvironmentProfile.class);
    return Engine.settings("team-a", p.getSpec());
  }

  private static List<String> defaults(String spec) {
    return TenantPolicy.DEFAULT.violations(settings(spec));
  }

  @Test
  void aPlainProductionProfileIsInsideTheDefaultPolicy() {
    assertThat(defaults("tier: production")).isEmpty();
    assertThat(defaults("tier: production\ntls: {issuer: team-ca}")).isEmpty();
    assertThat(defaults("tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: vault}}}"))
        .as("a SecretStore of the namespace, keys under team-a/").isEmpty();
  }

  @Test
  void theStoreKindDefaultsToANamespacedSecretStore() {
    assertThat(settings("tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: vault}}}")
        .secrets().externalStore().storeKind()).isEqualTo("SecretStore");
  }

  @Test
  void anotherTeamsSecretsAreRefused() {
    assertThat(defaults("tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {kind: ClusterSecretStore, name: vault}}}"))
        .singleElement().asString().contains("spec.secrets.externalSecret.secretStoreRef", "ClusterSecretStore/vault",
            "allowed: SecretStore/*");
    for (String template : List.of("team-b/{name}", "{name}/{key}", "team-a{name}", "team-a/../team-b/{name}", "team-a//x/{key}")) {
      assertThat(defaults("tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: v}, remoteKeyTemplate: \""
          + template + "\"}}")).as(template).singleElement().asString().contains("remoteKeyTemplate", "'team-a/'");
    }
    assertThat(defaults("tier: production\nsecrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {name: v}, remoteKeyTemplate: \"{namespace}/db/{key}\"}}"))
        .isEmpty();
  }

  @Test
  void issuersStorageClassesEgressAndPeersOutsideThePolicyAreRefused() {
    List<String> v = defaults("""
        tier: production
        tls: {clusterIssuer: internal-ca}
        storage: {storageClassName: premium}
        network: {egressCIDRs: ["0.0.0.0/0"], ingressControllerNamespace: kube-system, monitoringNamespace: team-b}
        """);
    assertThat(v).hasSize(5);
    assertThat(String.join("\n", v)).contains("spec.tls.clusterIssuer: 'internal-ca'", "allowed: letsencrypt-prod",
        "spec.storage.storageClassName: 'premium'", "spec.network.egressCIDRs: '0.0.0.0/0' is not allowed (allowed: none)",
        "spec.network.ingressControllerNamespace: 'kube-system'", "spec.network.monitoringNamespace: 'team-b'");
  }

  @Test
  void anAdministratorWidensThePolicy() {
    TenantPolicy p = TenantPolicy.parse("""
        secretStores: [{kind: ClusterSecretStore, name: vault}]
        remoteKeyPrefix: "tenants/{namespace}/"
        clusterIssuers: ["*"]
        namespacedIssuers: false
        storageClasses: [premium]
        egressCIDRs: [10.40.0.0/16, "fd00::/8"]
        peerNamespaces: [traefik, monitoring]
        """);
    assertThat(p.violations(settings("""
        tier: production
        secrets: {provider: ExternalSecret, externalSecret: {secretStoreRef: {kind: ClusterSecretStore, name: vault}, remoteKeyTemplate: "tenants/{namespace}/{name}"}}
        tls: {clusterIssuer: internal-ca}
        storage: {storageClassName: premium}
        network: {egressCIDRs: [10.40.3.0/24, "fd00:1::/32"], ingressControllerNamespace: traefik}
        """))).isEmpty();
    assertThat(String.join("\n", p.violations(settings("""
        tier: production
        tls: {issuer: team-ca}
        network: {egressCIDRs: [10.0.0.0/8, 10.40.0.0/15, "::/0"]}
        """)))).contains("namespaced Issuers are not allowed", "'10.0.0.0/8'", "'10.40.0.0/15'", "'::/0'",
        "ingressControllerNamespace: 'ingress-nginx'");
  }

  @Test
  void aMalformedPolicyIsRefusedAtParse() {
    assertThatThrownBy(() -> TenantPolicy.parse("storageClass: [x]")).hasMessageContaining("not a valid policy");
    assertThatThrownBy(() -> TenantPolicy.parse("egressCIDRs: [corp.example.com/8]")).hasMessageContaining("not a CIDR");
    assertThatThrownBy(() -> TenantPolicy.parse("secretStores: [{kind: Vault, name: x}]")).hasMessageContaining("secretStores");
    assertThat(TenantPolicy.parse("")).isEqualTo(TenantPolicy.DEFAULT);
    assertThat(TenantPolicy.parse("storageClasses: [a]").peerNamespaces()).containsExactly("ingress-nginx", "monitoring");
  }

  @Test
  void theFileIsReReadWhenItChangesAndATypoKeepsTheLastGoodPolicy(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("policy.yaml");
    Files.writeString(f, "storageClasses: [a]");
    Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
    Clock clock = new Clock() {
      public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      public Clock withZone(java.time.ZoneId z) { return this; }
      public Instant instant() { return now[0]; }
    };
    PolicySource source = PolicySource.of(f, clock);
    assertThat(source.current().storageClasses()).containsExactly("a");
    Files.writeString(f, "storageClasses: [b]");
    assertThat(source.current().storageClasses()).as("within the recheck interval").containsExactly("a");
    now[0] = now[0].plusSeconds(6);
    assertThat(source.current().storageClasses()).containsExactly("b");
    Files.writeString(f, "storageClasses: [b");
    now[0] = now[0].plusSeconds(6);
    assertThat(source.current().storageClasses()).containsExactly("b");
    Files.delete(f);
    assertThatThrownBy(() -> PolicySource.of(f, clock)).hasMessageContaining("cannot read the policy");
  }

  @Test
  void cidrContainment() {
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.255.0.0/16"))).isTrue();
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("11.0.0.0/16"))).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("0.0.0.0/0"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("192.168.1.1/32"))).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.parse("::/0"))).isFalse();
    assertThatThrownBy(() -> Cidr.parse("abc/8")).isInstanceOf(IllegalArgumentException.class);
  }
}
