package dev.envprofile.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;

/** The JSON report of contract §5: tier, parity and one entry per (check, object). */
public final class JsonReport {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonReport() {}

  public static String render(Report report) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(report, out);
    return out.toString();
  }

  public static void write(Report report, java.io.Writer out) {
    write(report, java.util.List.of(), out);
  }

  /**
   * Streams the report: a 100,000-object audit has 200 MB of JSON, never held as one string.
   * {@code assumptions}: the environment defaults the report rests on ({"field", "value", "message"}).
   */
  public static void write(Report report, java.util.List<Assumption> assumptions, java.io.Writer out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("tier", report.tier().wireName());
      g.writeNumberField("parity", report.parity());
      g.writeNumberField("parityTarget", report.parityTarget());
      g.writeNumberField("passed", report.passed());
      g.writeNumberField("failed", report.failed());
      g.writeArrayFieldStart("assumptions");
      for (Assumption a : assumptions) {
        g.writeStartObject();
        g.writeStringField("field", a.field());
        g.writeStringField("value", a.value());
        g.writeStringField("message", a.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("checks");
      for (CheckResult r : report.results()) {
        g.writeStartObject();
        g.writeStringField("id", r.check().id());
        g.writeStringField("severity", r.check().severity().wireName());
        g.writeStringField("object", r.object().path());
        g.writeBooleanField("passed", r.passed());
        g.writeBooleanField("fixable", r.fixable());
        g.writeStringField("message", r.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write("\n");
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
