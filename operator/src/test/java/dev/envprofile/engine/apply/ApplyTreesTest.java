package dev.envprofile.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class ApplyTreesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode y(String s) throws Exception {
    return YAML.readTree(s);
  }

  private static final String LIVE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        resourceVersion: "7"
        managedFields:
        - manager: envprofile-operator
          operation: Apply
          fieldsV1:
            f:spec:
              f:replicas: {}
              f:template:
                f:spec:
                  f:containers:
                    k:{"name":"api"}:
                      .: {}
                      f:name: {}
                      f:resources:
                        f:requests:
                          f:cpu: {}
        - manager: kubectl
          operation: Update
          fieldsV1: {f:spec: {f:selector: {}}}
      spec:
        replicas: 3
        selector: {matchLabels: {app: api}}
        template:
          spec:
            containers:
            - name: api
              image: api:1
              resources: {requests: {cpu: 100m}}
              env:
              - {name: A, value: a}
              - {name: PASSWORD, value: x}
            - name: sidecar
              image: side:1
      status: {replicas: 3}
      """;

  @Test
  void changesNameListItemsByKeyAndOnlyDifferingFields() throws Exception {
    JsonNode live = y(LIVE);
    ObjectNode desired = live.deepCopy();
    ObjectNode api = (ObjectNode) desired.at("/spec/template/spec/containers/0");
    ((ObjectNode) api.at("/env/1")).remove("value");
    ((ObjectNode) api.at("/env/1")).putObject("valueFrom").putObject("secretKeyRef").put("name", "api-credentials").put("key", "PASSWORD");
    api.put("imagePullPolicy", "IfNotPresent");
    ObjectNode changes = SparseDiff.changes(live, desired);
    assertThat(changes.toString()).isEqualTo(
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"env\":[{\"valueFrom\":{\"secretKeyRef\":{\"name\":\"api-credentials\",\"key\":\"PASSWORD\"}},\"name\":\"PASSWORD\"}],\"imagePullPolicy\":\"IfNotPresent\",\"name\":\"api\"}]}}}}");
    assertThat(SparseDiff.removals(live, desired)).containsExactly("/spec/template/spec/containers/0/env/1/value");
    assertThat(SparseDiff.changes(live, live.deepCopy())).isNull();
  }

  @Test
  void ownedFieldsAreTheManagersOnly() throws Exception {
    ObjectNode owned = OwnedFields.of(y(LIVE), "envprofile-operator");
    assertThat(owned.toString()).isEqualTo(
        "{\"spec\":{\"replicas\":3,\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"resources\":{\"requests\":{\"cpu\":\"100m\"}}}]}}}}");
    assertThat(OwnedFields.of(y(LIVE), "someone-else")).isEmpty();
  }

  @Test
  void mergeKeepsOwnedFieldsAndAddsNewOnes() throws Exception {
    ObjectNode owned = OwnedFields.of(y(LIVE), "envprofile-operator");
    JsonNode change = y("spec: {template: {spec: {containers: [{name: api, imagePullPolicy: IfNotPresent}, {name: sidecar, image: side:2}]}}}");
    ObjectNode merged = TreeMerge.merge(owned, change);
    assertThat(merged.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(merged.at("/spec/template/spec/containers/0/resources/requests/cpu").asText()).isEqualTo("100m");
    assertThat(merged.at("/spec/template/spec/containers/0/imagePullPolicy").asText()).isEqualTo("IfNotPresent");
    assertThat(merged.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("side:2");
  }

  @Test
  void removedListItemsAndMapKeysArePointedAtFromTheEnd() throws Exception {
    JsonNode live = y("data: {A: '1', B: '2', C: '3'}\nspec: {env: [{name: X}, {name: Y}, {name: Z}]}");
    JsonNode desired = y("data: {A: '1'}\nspec: {env: [{name: Y}]}");
    assertThat(SparseDiff.removals(live, desired)).containsExactly("/data/B", "/data/C", "/spec/env/2", "/spec/env/0");
  }
}
