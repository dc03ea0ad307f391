package dev.envprofile.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Why a YAML text cannot be read, as one line a person can act on: the cause (a tab, an unterminated
 * quote, a duplicate key, a control character) and its line, never the parser's internals (class
 * names, "in 'reader'", marks with a caret).
 */
final class YamlErrors {
  private YamlErrors() {}

  /** The error for {@code e} raised while parsing {@code text} from {@code source}. */
  static BadInputException of(String source, String text, JsonProcessingException e) {
    String original = ManifestReader.firstLine(e.getOriginalMessage());
    int line = line(e.getLocation());
    if (e instanceof LinearYamlFactory.AliasException) {
      return new BadInputException(source, line, original);
    }
    if (original.contains("exceeds the limit") && original.contains("code points")) {
      return new BadInputException(source, line, "document larger than " + InputLimits.mib(InputLimits.MAX_DOCUMENT_CHARS)
          + ", the API server's request limit: no such object can exist in a cluster");
    }
    if (e instanceof StreamConstraintsException) {
      return new BadInputException(source, line, "document nested deeper than " + InputLimits.MAX_NESTING
          + " levels or holding a longer value than " + InputLimits.mib(InputLimits.MAX_DOCUMENT_CHARS));
    }
    if (original.startsWith("Duplicate field '")) {
      String key = original.substring("Duplicate field '".length(), original.length() - 1);
      return new BadInputException(source, line, "duplicate key '" + shown(key)
          + "' (the API server would silently keep the last): keep one");
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return marked(source, m, line);
      }
      if (t instanceof ReaderException r) {
        return new BadInputException(source, lineAt(text, r.getPosition()), "character U+"
            + String.format("%04X", r.getCodePoint()) + " is not allowed in YAML (a control character)");
      }
    }
    return new BadInputException(source, line, "malformed YAML: " + stripInternals(original));
  }

  private static BadInputException marked(String source, MarkedYAMLException m, int fallbackLine) {
    String problem = m.getProblem() == null ? "" : m.getProblem();
    String context = m.getContext() == null ? "" : m.getContext();
    int problemLine = line(m.getProblemMark(), fallbackLine);
    int contextLine = line(m.getContextMark(), problemLine);
    if (problem.contains("\\t") || problem.contains("\t")) {
      return new BadInputException(source, problemLine, "malformed YAML: a tab character where YAML needs spaces"
          + " (indent with spaces only)");
    }
    if (context.contains("quoted scalar") && problem.contains("end of stream")) {
      return new BadInputException(source, contextLine, "malformed YAML: quoted string never closed (no matching quote"
          + " before the end of the file)");
    }
    if (context.contains("quoted scalar") && problem.contains("end of document")) {
      return new BadInputException(source, contextLine, "malformed YAML: quoted string never closed (no matching quote"
          + " before the end of the document)");
    }
    if (problem.startsWith("expected <block end>")) {
      return new BadInputException(source, problemLine, "malformed YAML: this line's indentation matches no enclosing"
          + " map or list (from line " + contextLine + ")");
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return new BadInputException(source, problemLine, "malformed YAML: a ': ' inside a plain value (quote the value)");
    }
    String where = context.isEmpty() || contextLine == problemLine ? "" : " (" + context + " from line " + contextLine + ")";
    return new BadInputException(source, problemLine, "malformed YAML: " + stripInternals(problem) + where);
  }

  /** The parser's wording without its own names for the input ("in 'reader'") or a mark. */
  private static String stripInternals(String s) {
    String out = ManifestReader.firstLine(s);
    int in = out.indexOf(" in 'reader'");
    if (in >= 0) {
      out = out.substring(0, in);
    }
    int at = out.indexOf(" at [Source:");
    if (at >= 0) {
      out = out.substring(0, at);
    }
    return shown(out.strip());
  }

  private static String shown(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }

  private static int line(JsonLocation loc) {
    return loc == null ? -1 : loc.getLineNr();
  }

  private static int line(Mark mark, int fallback) {
    return mark == null ? fallback : mark.getLine() + 1;
  }

  /** The 1-based line of the code point at {@code position} (one pass, only on the error path). */
  static int lineAt(String text, int position) {
    int line = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < position; cp++) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
      }
      i += Character.charCount(c);
    }
    return line;
  }
}
