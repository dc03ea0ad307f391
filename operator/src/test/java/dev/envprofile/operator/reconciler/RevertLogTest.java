package dev.envprofile.operator.reconciler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.api.EnvironmentProfile;
import dev.envprofile.engine.apply.Trees;
import dev.envprofile.engine.plan.Undo;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevertLogTest {
  private static final String DEV = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop","resourceVersion":"7"},
       "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"api","image":"shop/api:1.0",
         "env":[{"name":"MODE","value":"dev"},{"name":"DB_PASSWORD","value":"s3cr3t-pw"}]}]}}}}""";
  private static final String PROMOTED = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop",
         "annotations":{"envprofile.dev/note":"x"}},
       "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"api","image":"shop/api:1.0",
         "resources":{"requests":{"memory":"512Mi"}},
         "env":[{"name":"MODE","value":"dev"},{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"api-credentials","key":"DB_PASSWORD"}}},
                {"name":"NODE_ENV","value":"production"}]}]}}}}""";

  private static final String CM = """
      {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"},"data":{"URL":"http://db","DB_PASSWORD":"pw-123"}}""";
  private static final String SCRUBBED = """
      {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"},"data":{"URL":"http://db"}}""";

  @Test
  void undoingTheRecordedEditsGivesBackTheOriginalObject() {
    RevertLog log = RevertLog.empty();
    log.record(tree(DEV), tree(PROMOTED));
    Undo.Outcome undone = Undo.apply(Trees.comparable(tree(PROMOTED)), log.edits("Deployment.api"), "Deployment");
    assertEquals(Trees.comparable(tree(DEV)), undone.object());
    assertEquals(List.of(), undone.conflicts());
  }

  @Test
  void fieldsChangedSinceThePromotionKeepTheirNewValues() {
    RevertLog log = RevertLog.empty();
    log.record(tree(DEV), tree(PROMOTED));
    ObjectNode now = Trees.comparable(tree(PROMOTED));
    // Git ships a new image (a field the promotion never touched); someone scales to 5 by hand.
    ObjectNode container = (ObjectNode) now.at("/spec/template/spec/containers/0");
    container.put("image", "shop/api:2.0");
    ((ObjectNode) now.get("spec")).put("replicas", 5);
    Undo.Outcome undone = Undo.apply(now, log.edits("Deployment.api"), "Deployment");
    assertEquals("shop/api:2.0", undone.object().at("/spec/template/spec/containers/0/image").asText());
    assertEquals(5, undone.object().at("/spec/replicas").asInt());
    assertEquals(List.of("/spec/replicas"), undone.conflicts());
    assertEquals("s3cr3t-pw", undone.object().at("/spec/template/spec/containers/0/env/1/value").asText());
    assertTrue(undone.object().at("/spec/template/spec/containers/0/env/1/valueFrom").isMissingNode());
    assertEquals(2, undone.object().at("/spec/template/spec/containers/0/env").size());
  }

  @Test
  void undoingTwiceChangesNothingTheSecondTime() {
    RevertLog log = RevertLog.empty();
    log.record(tree(CM), tree(SCRUBBED));
    JsonNode once = Undo.apply(Trees.comparable(tree(SCRUBBED)), log.edits("ConfigMap.app"), "ConfigMap").object();
    Undo.Outcome twice = Undo.apply((ObjectNode) once, log.edits("ConfigMap.app"), "ConfigMap");
    assertEquals(Trees.comparable(tree(CM)), once);
    assertEquals(once, twice.object());
    assertEquals(List.of(), twice.conflicts());
  }

  @Test
  void aKeyComesBackEvenWhenItsConfigMapWasEmptiedSince() {
    RevertLog log = RevertLog.empty();
    log.record(tree(CM), tree(SCRUBBED));
    ObjectNode emptied = tree("""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"}}""");
    JsonNode undone = Undo.apply(emptied, log.edits("ConfigMap.app"), "ConfigMap").object();
    assertEquals("pw-123", undone.at("/data/DB_PASSWORD").asText());
  }

  @Test
  void theSameEditsAreRecordedOnceAndSurviveTheSecret() {
    RevertLog log = RevertLog.empty();
    log.record(tree(DEV), tree(PROMOTED));
    assertTrue(log.changed());
    ObjectNode secretTree = log.toSecret(profile(), "envprofile-system");
    Secret secret = Writer.SERIALIZATION.convertValue(secretTree, Secret.class);
    assertTrue(RevertLog.isRevertLog(secret));
    assertEquals("envprofile-revert-u-1", secret.getMetadata().getName());
    assertEquals("envprofile-system", secret.getMetadata().getNamespace(), "kept where tenants cannot write");
    assertEquals("shop/shop", secret.getMetadata().getAnnotations().get(RevertLog.PROFILE));
    assertFalse(secretTree.toString().contains("s3cr3t-pw"), "values are gzipped, not readable in the manifest");

    RevertLog again = RevertLog.from(secret);
    again.record(tree(DEV), tree(PROMOTED));
    assertFalse(again.changed(), "a reconcile that is still waiting records nothing new");
    assertEquals(log.edits("Deployment.api"), again.edits("Deployment.api"));
    assertEquals("apps/v1", again.apiVersion("Deployment.api"));
  }

  @Test
  void anAddedFieldComesOffEvenWithTheDefaultsTheServerFilledIn() {
    String dev = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}""";
    String promoted = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27",
           "readinessProbe":{"tcpSocket":{"port":8080},"periodSeconds":10}}]}}}}""";
    String live = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27",
           "readinessProbe":{"tcpSocket":{"port":8080},"periodSeconds":10,"timeoutSeconds":1,"failureThreshold":3}}]}}}}""";
    RevertLog log = RevertLog.empty();
    log.record(tree(dev), tree(promoted));
    Undo.Outcome undone = Undo.apply(tree(live), log.edits("Deployment.web"), "Deployment");
    assertEquals(tree(dev), undone.object());
    assertEquals(List.of(), undone.conflicts());
  }

  @Test
  void quantitiesTheServerRewroteStillCountAsWhatTheOperatorWrote() {
    assertTrue(Undo.same(Trees.JSON.getNodeFactory().textNode("1Gi"), Trees.JSON.getNodeFactory().textNode("1024Mi")));
    assertFalse(Undo.same(Trees.JSON.getNodeFactory().textNode("api"), Trees.JSON.getNodeFactory().textNode("1")));
  }

  @Test
  void withExternalSecretsTheLogHoldsReferencesAndRevertReadsTheValuesBack() throws Exception {
    RevertLog log = RevertLog.empty();
    java.util.Map<String, ObjectNode> refs = java.util.Map.of("s3cr3t-pw",
        Trees.JSON.createObjectNode().put("name", "api-env").put("key", "DB_PASSWORD"),
        "pw-123", Trees.JSON.createObjectNode().put("name", "app-synced").put("key", "DB_PASSWORD"));
    log.record(tree(DEV), tree(PROMOTED), refs);
    log.record(tree(CM), tree(SCRUBBED), refs);
    String all = log.edits("Deployment.api").toString() + log.edits("ConfigMap.app");
    assertFalse(all.contains("s3cr3t-pw") || all.contains("pw-123"), all);
    assertTrue(all.contains(RevertLog.REF), all);
    java.util.Map<String, String> synced = java.util.Map.of("api-env/DB_PASSWORD", "s3cr3t-pw", "app-synced/DB_PASSWORD", "pw-123");
    com.fasterxml.jackson.databind.node.ArrayNode edits = Trees.JSON.createArrayNode();
    for (JsonNode e : log.edits("Deployment.api")) {
      ObjectNode copy = e.deepCopy();
      if (e.has("o")) {
        copy.set("o", RevertLog.resolved(e.get("o"), (n, k) -> synced.get(n + "/" + k)));
      }
      edits.add(copy);
    }
    assertEquals(Trees.comparable(tree(DEV)), Undo.apply(Trees.comparable(tree(PROMOTED)), edits, "Deployment").object());
    assertEquals(null, RevertLog.resolved(log.edits("ConfigMap.app").get(0).get("o"), (n, k) -> null),
        "a value whose Secret is gone is not restored");
  }

  @Test
  void aDecompressionBombIsUnreadableNotAnOutOfMemoryError() throws Exception {
    // 64 MiB of zeros gzip to about 64 KiB: past the inflate budget, refused after reading 32 MiB at most.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    Secret bomb = secretWith("Deployment.api", bytes.toByteArray());
    RevertLog.Unreadable e = org.junit.jupiter.api.Assertions.assertThrows(RevertLog.Unreadable.class,
        () -> RevertLog.from(bomb));
    assertTrue(e.getMessage().contains("MiB"), e.getMessage());
  }

  @Test
  void aLogThatIsNotTheExpectedJsonIsUnreadable() {
    for (String json : List.of("[]", "{\"apiVersion\":\"apps/v1\"}", "{\"apiVersion\":\"apps/v1\",\"edits\":[{\"op\":1}]}",
        "[".repeat(10_000))) {
      Secret s = secretWith("Deployment.api", RevertLog.write(textNode(json)));
      org.junit.jupiter.api.Assertions.assertThrows(RevertLog.Unreadable.class, () -> RevertLog.from(s), json);
    }
    Secret notGzip = secretWith("Deployment.api", "plain".getBytes());
    org.junit.jupiter.api.Assertions.assertThrows(RevertLog.Unreadable.class, () -> RevertLog.from(notGzip));
  }

  /** A node whose serialisation is the raw text (RevertLog.write serialises nodes). */
  private static JsonNode textNode(String json) {
    return new com.fasterxml.jackson.databind.node.POJONode(new com.fasterxml.jackson.databind.util.RawValue(json));
  }

  private static Secret secretWith(String key, byte[] gz) {
    Secret s = new Secret();
    s.setMetadata(new ObjectMetaBuilder().withName("x").build());
    s.setData(java.util.Map.of(key, java.util.Base64.getEncoder().encodeToString(gz)));
    return s;
  }

  private static EnvironmentProfile profile() {
    EnvironmentProfile p = new EnvironmentProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("shop").withUid("u-1").build());
    return p;
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) Trees.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
