package dev.envprofile.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.cli.ManifestReader;
import dev.envprofile.engine.Engine;
import dev.envprofile.engine.Labels;
import dev.envprofile.engine.Result;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.plan.RevertablePaths;
import dev.envprofile.engine.plan.Undo;
import dev.envprofile.testing.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allow-list of Undo is derived from what the engine changes: every edit the promotion of every
 * sample records must be revertable, and no privilege-bearing edit ever is.
 */
class RevertablePathsTest {

  static Stream<Samples.Case> cases() {
    return Samples.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyEditTheEngineMakesOnASampleIsRevertable(Samples.Case c) throws IOException {
    List<HasMetadata> input = new ArrayList<>();
    try (Stream<Path> files = Files.walk(c.manifests())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        input.addAll(ManifestReader.read(f.toString(), Files.readString(f)));
      }
    }
    EnvironmentProfile profile = ManifestReader.serialization().unmarshal(Files.readString(c.profileFile()),
        EnvironmentProfile.class);
    String ns = profile.getMetadata().getNamespace();
    input.forEach(o -> o.getMetadata().setNamespace(ns));
    Result result = Engine.promote(input, Engine.settings(ns, profile.getSpec()));
    RevertLog log = RevertLog.empty();
    List<HasMetadata> changed = new ArrayList<>(result.objects());
    changed.addAll(result.replaced());
    for (HasMetadata out : changed) {
      if (Labels.isManaged(out)) {
        continue;
      }
      HasMetadata before = input.stream().filter(i -> i.getKind().equals(out.getKind())
          && i.getMetadata().getName().equals(out.getMetadata().getName())).findFirst().orElse(null);
      if (before != null) {
        log.record(Trees.tree(before), Trees.applyable(out));
      }
    }
    TreeSet<String> refused = new TreeSet<>();
    for (String key : log.keys()) {
      String kind = key.substring(0, key.indexOf('.'));
      assertThat(RevertablePaths.kind(kind, log.apiVersion(key))).as(key + " " + log.apiVersion(key)).isTrue();
      for (JsonNode e : log.edits(key)) {
        String path = e.get("path").asText();
        if (!RevertablePaths.allowed(kind, path, e.path("o"), e.path("w"))) {
          refused.add(kind + " " + path.replaceAll("/[0-9]+", "/N"));
        }
      }
    }
    assertThat(refused).as("edits of the engine that a Revert would refuse").isEmpty();
  }

  @Test
  void privilegeBearingEditsAreNeverRevertable() {
    String c = "/spec/template/spec/containers/0";
    assertThat(RevertablePaths.allowed("Deployment", c + "/securityContext/privileged", bool(true))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", c + "/securityContext",
        Trees.JSON.createObjectNode().put("privileged", true))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", c + "/securityContext/capabilities",
        json("{\"add\":[\"SYS_ADMIN\"]}"))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", c + "/securityContext/allowPrivilegeEscalation", bool(true))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/hostPID", bool(true))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/hostNetwork", bool(true))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/volumes/0",
        json("{\"name\":\"root\",\"hostPath\":{\"path\":\"/\"}}"))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/serviceAccountName",
        Trees.JSON.getNodeFactory().textNode("cluster-admin"))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/containers/1",
        json("{\"name\":\"x\",\"image\":\"evil\"}"))).as("a whole container").isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/spec/template/spec/containers/1",
        com.fasterxml.jackson.databind.node.MissingNode.getInstance(), json("{\"name\":\"x\",\"image\":\"evil\"}")))
        .as("a whole container, even as an add").isFalse();
    assertThat(RevertablePaths.allowed("Deployment", c + "/securityContext", json("{\"runAsUser\":0}"),
        json("{\"allowPrivilegeEscalation\":false}"))).as("root restored in a whole object").isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/metadata/annotations", json("{\"team.example.com/x\":\"y\"}"),
        com.fasterxml.jackson.databind.node.MissingNode.getInstance())).as("a foreign annotation in a whole map").isFalse();
    assertThat(RevertablePaths.allowed("Service", "/spec/externalIPs/0", Trees.JSON.getNodeFactory().textNode("1.2.3.4")))
        .isFalse();
    assertThat(RevertablePaths.allowed("NetworkPolicy", "/spec/ingress/0", json("{}"))).isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/metadata/annotations/team.example.com~1owner",
        Trees.JSON.getNodeFactory().textNode("x"))).as("a foreign annotation").isFalse();
    assertThat(RevertablePaths.allowed("Deployment", "/metadata/annotations", json("{\"a\":\"b\"}"))).isFalse();
    assertThat(RevertablePaths.kind("Deployment", "rbac.authorization.k8s.io/v1")).isFalse();
    assertThat(RevertablePaths.kind("ClusterRoleBinding", "rbac.authorization.k8s.io/v1")).isFalse();
    // What the engine does write stays revertable.
    assertThat(RevertablePaths.allowed("Deployment", "/spec/replicas", Trees.JSON.getNodeFactory().numberNode(1))).isTrue();
    assertThat(RevertablePaths.allowed("Deployment", c + "/env/1/value", Trees.JSON.getNodeFactory().textNode("pw")))
        .isTrue();
    assertThat(RevertablePaths.allowed("ConfigMap", "/data/DB_PASSWORD", Trees.JSON.getNodeFactory().textNode("pw")))
        .isTrue();
  }

  @Test
  void undoLeavesRefusedEditsAlone() {
    ObjectNode now = json("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},
         "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"api","image":"a:1"}]}}}}""");
    ArrayNode forged = (ArrayNode) json("""
        [{"op":"add","path":"/spec/replicas","w":3,"o":1},
         {"op":"remove","path":"/spec/template/spec/hostPID","o":true},
         {"op":"remove","path":"/spec/template/spec/serviceAccountName","o":"admin"},
         {"op":"remove","path":"/spec/template/spec/containers/0/securityContext","o":{"privileged":true}},
         {"op":"remove","path":"/spec/template/spec/volumes","o":[{"name":"r","hostPath":{"path":"/"}}]}]""");
    ((ObjectNode) forged.get(0)).put("op", "replace");
    Undo.Outcome out = Undo.apply(now, forged, "Deployment");
    assertThat(out.object().at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(out.object().at("/spec/template/spec/hostPID").isMissingNode()).isTrue();
    assertThat(out.object().at("/spec/template/spec/serviceAccountName").isMissingNode()).isTrue();
    assertThat(out.object().at("/spec/template/spec/containers/0/securityContext").isMissingNode()).isTrue();
    assertThat(out.object().at("/spec/template/spec/volumes").isMissingNode()).isTrue();
    assertThat(out.refused()).hasSize(4);
  }

  private static JsonNode bool(boolean b) {
    return Trees.JSON.getNodeFactory().booleanNode(b);
  }

  private static <T extends JsonNode> T json(String s) {
    try {
      @SuppressWarnings("unchecked")
      T t = (T) Trees.JSON.readTree(s);
      return t;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
