package dev.envprofile.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.envprofile.engine.model.CheckResult;
import dev.envprofile.engine.report.Report;
import java.util.List;

/** The JSON report (docs/cli.md, "audit"): tier, parity and one entry per (check, object). */
public final class JsonReport {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonReport() {}

  public static String render(Report report) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(report, out);
    return out.toString();
  }

  public static void write(Report report, java.io.Writer out) {
    write(report, List.of(), out);
  }

  /**
   * Streams the report: a 100,000-object audit has 200 MB of JSON, never held as one string.
   * {@code assumptions}: the environment defaults the report rests on ({"field", "value", "message"}).
   */
  public static void write(Report report, List<Assumption> assumptions, java.io.Writer out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      fields(report, assumptions, g);
      g.writeEndObject();
      g.flush();
      out.write("\n");
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The report of a run over several namespaces: the total, then {@code namespaces}, one entry per
   * namespace in name order, each with the single report's fields (or {@code audited: false} and
   * the reason). docs/cli.md has the schema.
   */
  public static String render(List<NamespaceReport> sections) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(sections, ns -> List.of(), out);
    return out.toString();
  }

  /** {@code assumptions}: per namespace, the environment defaults its section rests on. */
  public static void write(List<NamespaceReport> sections,
                           java.util.function.Function<String, List<Assumption>> assumptions, java.io.Writer out) {
    NamespaceReport.Total total = NamespaceReport.total(sections);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeNumberField("parity", total.parity());
      g.writeNumberField("lowestParity", total.lowestParity());
      g.writeNumberField("passed", total.passed());
      g.writeNumberField("failed", total.failed());
      if (total.accepted() > 0) {
        g.writeNumberField("accepted", total.accepted());
      }
      g.writeNumberField("audited", total.audited());
      g.writeNumberField("notAudited", total.namespaces() - total.audited());
      g.writeArrayFieldStart("namespaces");
      // Sections are independent: a window of them is rendered on every core, then written in order.
      // The output is the same text a sequential write gives; a window bounds what is held at once.
      for (int from = 0; from < sections.size(); from += WINDOW) {
        List<String> texts = sections.subList(from, Math.min(sections.size(), from + WINDOW)).parallelStream()
            .map(s -> section(s, assumptions)).toList();
        for (String text : texts) {
          g.writeRawValue(text);
        }
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

  private static final int WINDOW = 64;

  /** One namespace's entry, indented as the second level of the whole report is. */
  private static String section(NamespaceReport s, java.util.function.Function<String, List<Assumption>> assumptions) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setPrettyPrinter(new Nested(1));
      g.writeStartObject();
      g.writeStringField("namespace", s.namespace());
      g.writeStringField("profile", s.profile());
      g.writeBooleanField("audited", s.audited());
      if (s.audited()) {
        fields(s.report(), assumptions.apply(s.namespace()), g);
      } else {
        g.writeStringField("reason", s.notAudited());
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The default layout, starting {@code nesting} levels deep. */
  private static final class Nested extends DefaultPrettyPrinter {
    Nested(int nesting) {
      _nesting = nesting;
    }
  }

  /** The single report's fields: tier, parity, target, counts, the assumptions and the checks. */
  private static void fields(Report report, List<Assumption> assumptions, JsonGenerator g) throws java.io.IOException {
    g.writeStringField("tier", report.tier().wireName());
    g.writeNumberField("parity", report.parity());
    g.writeNumberField("parityTarget", report.parityTarget());
    g.writeNumberField("passed", report.passed());
    g.writeNumberField("failed", report.failed());
    if (report.accepted() > 0) {
      g.writeNumberField("accepted", report.accepted()); // present only when some are: older readers see the same shape
    }
    if (!report.notes().isEmpty()) {
      g.writeArrayFieldStart("notes");
      for (String n : report.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
    }
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
      if (r.acceptance() != null) {
        g.writeBooleanField("accepted", r.accepted());
        g.writeObjectFieldStart("acceptance");
        g.writeStringField("source", r.acceptance().source());
        g.writeStringField("reason", r.acceptance().reason());
        if (r.acceptance().expires() != null) {
          g.writeStringField("expires", r.acceptance().expires().toString());
        }
        g.writeBooleanField("expired", r.acceptance().expired());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
