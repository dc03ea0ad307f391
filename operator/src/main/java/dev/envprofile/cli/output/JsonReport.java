package dev.envprofile.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;

/** The JSON report of contract §5: tier, parity and one entry per (check, object). */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(Report report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tier", report.tier().wireName());
    root.put("parity", report.parity());
    root.put("parityTarget", report.parityTarget());
    root.put("passed", report.passed());
    root.put("failed", report.failed());
    ArrayNode checks = root.putArray("checks");
    for (CheckResult r : report.results()) {
      ObjectNode c = checks.addObject();
      c.put("id", r.check().id());
      c.put("severity", r.check().severity().wireName());
      c.put("object", r.object().path());
      c.put("passed", r.passed());
      c.put("fixable", r.fixable());
      c.put("message", r.message());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
