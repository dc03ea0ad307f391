package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.envprofile.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promote --diff masks a multi-line credential value too: YAML writes it as a block of lines, where
 * masking the text found no whole value and the "before" side showed it in the clear.
 */
class DiffMaskingTest {
  @TempDir
  Path dir;

  @Test
  void aMultiLineCredentialInAConfigMapIsMaskedOnBothSides() throws IOException {
    Path profile = Files.writeString(dir.resolve("p.yaml"), """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop}
        spec: {tier: production}
        """);
    Path app = Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg, namespace: shop}
        data:
          DB_PASSWORD: "line-one-Xq7v9secret\\nline-two-Kp3m8secret"
          PRIVATE_KEY: |
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
            -----END PRIVATE KEY-----
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "example/web:1.0", envFrom: [{configMapRef: {name: cfg}}]}]
        """);
    Cli.Run run = Cli.run("promote", "--profile", profile.toString(), "-f", app.toString(), "--diff");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("DB_PASSWORD").contains("****")
        .doesNotContain("Xq7v9secret").doesNotContain("Kp3m8secret").doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7");
  }
}
