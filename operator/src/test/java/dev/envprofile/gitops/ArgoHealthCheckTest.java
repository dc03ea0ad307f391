package dev.envprofile.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** The Argo CD health check maps phase and Ready to Healthy, Progressing or Degraded, as Argo CD runs it. */
class ArgoHealthCheckTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest(name = "{0}/{1} -> {3}")
  @CsvSource({
      "Promoted, True, 3, Healthy",
      "Auditing, True, 3, Healthy",
      "Promoting, False, 3, Progressing",
      "Pending, False, 3, Progressing",
      "Degraded, False, 3, Degraded",
      "Invalid, False, 3, Degraded",
      "Promoted, True, 2, Progressing",
  })
  void mapsPhaseAndReady(String phase, String ready, int observed, String expected) throws Exception {
    String obj = """
        apiVersion: envprofile.dev/v1alpha1
        kind: EnvironmentProfile
        metadata: {name: p, namespace: shop, generation: 3}
        status:
          observedGeneration: %d
          phase: %s
          parity: 87
          parityDisplay: 87%%
          conditions:
          - {type: Ready, status: "%s", reason: R, message: m}
        """.formatted(observed, phase, ready);
    assertThat(run(obj).get("status").tojstring()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void noStatusIsProgressing() throws Exception {
    assertThat(run("apiVersion: envprofile.dev/v1alpha1\nkind: EnvironmentProfile\nmetadata: {name: p}\n")
        .get("status").tojstring()).isEqualTo("Progressing");
  }

  private static LuaValue run(String yaml) throws Exception {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(YAML.readTree(yaml)));
    String script = Files.readString(Path.of("../helm/argocd/health.lua"));
    return globals.load(script, "health.lua").call();
  }

  private static LuaValue toLua(JsonNode n) {
    if (n.isObject()) {
      LuaTable t = new LuaTable();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        t.set(e.getKey(), toLua(e.getValue()));
      }
      return t;
    }
    if (n.isArray()) {
      LuaTable t = new LuaTable();
      for (int i = 0; i < n.size(); i++) {
        t.set(i + 1, toLua(n.get(i)));
      }
      return t;
    }
    if (n.isNumber()) {
      return LuaValue.valueOf(n.asDouble());
    }
    if (n.isBoolean()) {
      return LuaValue.valueOf(n.asBoolean());
    }
    return n.isNull() ? LuaValue.NIL : LuaValue.valueOf(n.asText());
  }
}
