package dev.envprofile.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.report.Redactor;
import dev.envprofile.operator.EnvProfileOperator;
import dev.envprofile.operator.OperatorOptions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * Integration tests of the operator: it runs in the test JVM against the run's control plane, as
 * the ServiceAccount the Helm chart creates and with exactly the chart's RBAC (so every scenario
 * proves the chart grants enough, and the audit log shows the operator's writes apart).
 */
public abstract class OperatorTest extends ClusterTest {
  protected static final String OPERATOR_USER = Chart.USER;
  private static EnvProfileOperator operator;
  private static KubernetesClient operatorClient;
  /** Every log line of the test JVM (the operator's included), scanned for credential values. */
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  @BeforeAll
  public static void startOperator() {
    // Everything the operator logs, down to DEBUG, is captured and scanned; the console keeps
    // showing warnings only. Other libraries' warnings (fabric8, JOSDK) are captured too.
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    LOGS.start();
    root.addAppender(LOGS);
    Logger ours = (Logger) LoggerFactory.getLogger("dev.envprofile");
    ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ours.setAdditive(false);
    ours.addAppender(LOGS);
    var console = new ch.qos.logback.core.ConsoleAppender<ILoggingEvent>();
    var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
    encoder.setContext(ours.getLoggerContext());
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    var warnings = new ch.qos.logback.classic.filter.ThresholdFilter();
    warnings.setLevel("WARN");
    warnings.start();
    console.setContext(ours.getLoggerContext());
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.addFilter(warnings);
    console.start();
    ours.addAppender(console);
    operatorClient = Chart.operatorClient(cluster);
    // The chart's policy, as the chart mounts it, widened only by the storage class the tests hold claims in.
    operator = new EnvProfileOperator(operatorClient, OperatorOptions.forTests(List.of())
        .withPolicyFile(Chart.testPolicyFile(cluster).toString()), new SimpleMeterRegistry());
    operator.start();
    eventually().until(operator::ready);
  }

  @AfterAll
  public static void stopOperator() {
    if (operator != null) {
      operator.stop();
      operatorClient.close();
    }
  }

  /**
   * After every scenario: no credential value of any sample (8 characters or more) in the
   * operator's logs, in its Events or in any profile's status. The detector is the engine's own redactor over
   * the samples' credentials: it changes a text exactly when a value is in it.
   */
  @AfterEach
  public void noCredentialValueLeaked() {
    Redactor detector = samplesRedactor();
    List<String> leaks = new ArrayList<>();
    List<ILoggingEvent> lines;
    synchronized (LOGS) {
      lines = new ArrayList<>(LOGS.list);
      LOGS.list.clear();
    }
    for (ILoggingEvent e : lines) {
      String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
      if (!detector.mask(text).equals(text)) {
        leaks.add("log: " + detector.mask(text));
      }
    }
    for (var ev : client.v1().events().inNamespace(namespace).list().getItems()) {
      if (ev.getSource() == null || !"envprofile-operator".equals(ev.getSource().getComponent())) {
        continue; // the control plane's own Events (volume binding, scheduling) are not ours to check
      }
      String text = ev.getReason() + " " + ev.getMessage();
      if (!detector.mask(text).equals(text)) {
        leaks.add("event: " + detector.mask(text));
      }
    }
    for (EnvironmentProfile p : client.resources(EnvironmentProfile.class).inNamespace(namespace).list().getItems()) {
      String text = client.getKubernetesSerialization().asJson(p.getStatus());
      if (!detector.mask(text).equals(text)) {
        String masked = detector.mask(text);
        int at = masked.indexOf(Redactor.MASK);
        leaks.add("status of " + p.getMetadata().getName() + ": ..."
            + masked.substring(Math.max(0, at - 60), Math.min(masked.length(), at + 40)) + "...");
      }
    }
    assertThat(leaks).as("credential values in logs, Events or status (shown masked)").isEmpty();
  }

  private static Redactor samplesRedactor() {
    List<String> values = new ArrayList<>();
    try (Stream<Path> samples = Files.list(ControlPlane.root().resolve("samples"))) {
      for (Path sample : samples.sorted().toList()) {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sample.resolve("manifests"))) {
          for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).toList()) {
            objects.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
          }
        }
        EnvironmentProfile production = ManifestReader.serialization().unmarshal(
            Files.readString(sample.resolve("profiles/production-secret.yaml")), EnvironmentProfile.class);
        String ns = production.getMetadata().getNamespace();
        // Distinctive values only: a short one ("root", "test") is also an ordinary word in messages.
        Engine.credentialValues(objects, Engine.settings(ns, production.getSpec())).stream()
            .filter(v -> v.length() >= 8).forEach(values::add);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return new Redactor(values, java.util.Set.of());
  }

  protected static Condition condition(EnvironmentProfile p, String type) {
    return p.getStatus().conditions.stream().filter(c -> c.getType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions(p)));
  }


}
