package dev.envprofile.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.checks.Catalog;
import dev.envprofile.engine.model.Acceptance;
import dev.envprofile.engine.model.CheckInfo;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;
import java.util.List;

/** SARIF 2.1.0, for code-scanning upload: one rule per catalog id, one result per failing pair. */
public final class SarifReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  public static String render(Report report, Origins origins, String version) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode run = run(root, version);
    ArrayNode results = run.putArray("results");
    for (CheckResult r : reported(report)) {
      result(results, r, origins);
    }
    return text(root);
  }

  /**
   * A run over several namespaces: one SARIF run, the results of every namespace (by name), each
   * carrying its namespace as a logical location (kind "namespace") and a property; a namespace not
   * audited is a tool notification, so that code scanning shows it.
   */
  public static String render(List<NamespaceReport> sections, Origins origins, String version) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode run = run(root, version);
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    ArrayNode results = run.putArray("results");
    for (NamespaceReport s : sections) {
      if (!s.audited()) {
        ObjectNode note = notes.addObject();
        note.put("level", "error");
        note.putObject("message").put("text", "namespace " + s.namespace() + " not audited: " + s.notAudited());
        note.putArray("locations").addObject().putArray("logicalLocations").addObject()
            .put("name", s.namespace()).put("kind", "namespace");
        continue;
      }
      for (CheckResult r : reported(s.report())) {
        ObjectNode res = result(results, r, origins);
        ((ObjectNode) res.get("locations").get(0)).putArray("logicalLocations").addObject()
            .put("name", s.namespace()).put("kind", "namespace");
        ((ObjectNode) res.get("properties")).put("namespace", s.namespace());
      }
    }
    return text(root);
  }

  private static ObjectNode run(ObjectNode root, String version) {
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "envprofile");
    driver.put("version", version);
    driver.put("informationUri", "https://envprofile.dev/docs/checks");
    ArrayNode rules = driver.putArray("rules");
    for (CheckInfo info : Catalog.infos()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", info.id());
      rule.putObject("shortDescription").put("text", info.failsWhen());
      rule.putObject("help").put("text", "Enforce: " + info.enforce());
      rule.putObject("defaultConfiguration").put("level", level(info));
      rule.putObject("properties").put("fixable", info.fix().name().toLowerCase());
    }
    return run;
  }

  private static ObjectNode result(ArrayNode results, CheckResult r, Origins origins) {
    ObjectNode res = results.addObject();
    res.put("ruleId", r.check().id());
    res.put("level", level(r.check()));
    res.putObject("message").put("text", Messages.withoutSubject(r));
    ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
    phys.putObject("artifactLocation").put("uri", origins.file(r.object()));
    phys.putObject("region").put("startLine", origins.line(r.object()));
    ObjectNode props = res.putObject("properties").put("object", r.object().path()).put("fixable", r.fixable());
    if (r.accepted()) {
      // SARIF 2.1.0 section 3.35: an annotation is in the object's own manifest ("inSource"), the profile is "external".
      ObjectNode sup = res.putArray("suppressions").addObject();
      sup.put("kind", Acceptance.ANNOTATION.equals(r.acceptance().source()) ? "inSource" : "external");
      sup.put("status", "accepted");
      sup.put("justification", r.acceptance().reason());
      if (r.acceptance().expires() != null) {
        sup.putObject("properties").put("expires", r.acceptance().expires().toString());
      }
    } else if (r.acceptanceExpired()) {
      props.put("acceptanceExpired", r.acceptance().expires().toString());
    }
    return res;
  }

  /** Open findings, then accepted ones (with their suppression): code scanning shows both. */
  private static List<CheckResult> reported(Report report) {
    List<CheckResult> out = new java.util.ArrayList<>(report.findings());
    out.addAll(report.acceptedFindings());
    return out;
  }

  private static String text(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String level(CheckInfo info) {
    return switch (info.severity()) {
      case CRITICAL -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }
}
