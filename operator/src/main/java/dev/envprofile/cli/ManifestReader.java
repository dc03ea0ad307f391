package dev.envprofile.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads multi-document YAML into model objects. Each document must be a Kubernetes object (a map
 * with apiVersion, kind and metadata.name); a List's items are flattened. Errors name the source
 * and line.
 */
public final class ManifestReader {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper YAML = LinearYamlFactory.mapper();

  private ManifestReader() {}

  public static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

  /** An object and where it was read from. */
  public record Document(HasMetadata object, String source, int line) {}

  /** Parses every document of {@code text}; {@code source} names it in errors. */
  public static List<HasMetadata> read(String source, String text) {
    return documents(source, text).stream().map(Document::object).toList();
  }

  /** Documents converted together: parsing is sequential, converting trees into objects is not. */
  private static final int BATCH = 512;
  private static final int PARALLEL_FROM = 64;

  /**
   * Like {@link #read}, keeping each object's file and line for reports. A large text is read in
   * pieces on both cores; within a piece, trees are read in order and converted into model objects
   * a batch at a time in parallel. A problem anywhere makes the whole text be read again in order,
   * so the problem reported is the first document's, in the words a sequential read gives.
   */
  public static List<Document> documents(String source, String text) {
    if (text.length() >= SPLIT_FROM) {
      List<Piece> pieces = pieces(text);
      if (pieces.size() > 1) {
        try {
          List<List<Document>> parts = pieces.parallelStream().map(p -> p.read(source, text)).toList();
          List<Document> out = new ArrayList<>();
          parts.forEach(out::addAll);
          return out;
        } catch (RuntimeException e) {
          // Any problem: the whole text again, in order, reports the first one exactly as it always has.
        }
      }
    }
    return inOrder(source, text);
  }

  /** Texts of at least this many characters are read in pieces, each on its own core. */
  private static final int SPLIT_FROM = 1 << 20;
  private static final int PIECE = 256 * 1024;
  private static final String MARKER = "\n---\n";

  /**
   * A run of whole documents: from a "---" line (or the start) to the next piece. YAML forbids a
   * document marker at the start of a line inside any node (block, plain or quoted scalar), so a
   * "---" line always starts a document and each piece reads as it does within the whole text.
   */
  record Piece(int start, int end, int lineOffset) {
    List<Document> read(String source, String text) {
      List<Document> docs = inOrder(source, text.substring(start, end));
      if (lineOffset == 0) {
        return docs;
      }
      List<Document> out = new ArrayList<>(docs.size());
      for (Document d : docs) {
        out.add(new Document(d.object(), d.source(), d.line() < 1 ? d.line() : d.line() + lineOffset));
      }
      return out;
    }
  }

  /** Pieces of about {@link #PIECE} characters, each starting at a "---" line. */
  static List<Piece> pieces(String text) {
    List<Piece> out = new ArrayList<>();
    int start = 0;
    int lines = 0;
    while (true) {
      int marker = start + PIECE >= text.length() ? -1 : text.indexOf(MARKER, start + PIECE);
      if (marker < 0) {
        out.add(new Piece(start, text.length(), lines));
        return out;
      }
      int end = marker + 1; // the next piece starts with the "---" line
      out.add(new Piece(start, end, lines));
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == '\n') {
          lines++;
        }
      }
      start = end;
    }
  }

  /** Reads the documents of {@code text} in order: trees one by one, objects a batch at a time. */
  static List<Document> inOrder(String source, String text) {
    List<Document> out = new ArrayList<>();
    List<Tree> batch = new ArrayList<>(BATCH);
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(text)) {
      while (true) {
        JsonLocation start;
        JsonNode node;
        try {
          if (parser.nextToken() == null) {
            break;
          }
          start = parser.currentTokenLocation();
          node = YAML.readTree(parser);
        } catch (JsonProcessingException e) {
          convert(source, batch, out);
          throw YamlErrors.of(source, text, e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        int line = start == null ? -1 : start.getLineNr();
        if (!node.isObject()) {
          convert(source, batch, out);
          throw new BadInputException(source, line, "document is not an object (a " + node.getNodeType().name().toLowerCase() + ")");
        }
        batch.add(new Tree(line, (ObjectNode) node));
        if (batch.size() == BATCH) {
          convert(source, batch, out);
        }
      }
    } catch (IOException e) {
      throw new BadInputException(source, -1, "cannot read: " + firstLine(e.getMessage()));
    }
    convert(source, batch, out);
    return out;
  }

  private record Tree(int line, ObjectNode node) {}

  /** Converts the batch in order into {@code out} and empties it; throws the first document's problem. */
  private static void convert(String source, List<Tree> batch, List<Document> out) {
    var trees = batch.size() >= PARALLEL_FROM ? batch.parallelStream() : batch.stream();
    List<Object> converted = trees.map(t -> {
      try {
        List<Document> docs = new ArrayList<>(1);
        addObject(source, t.line(), t.node(), docs);
        return (Object) docs;
      } catch (BadInputException e) {
        return e;
      }
    }).toList();
    batch.clear();
    for (Object c : converted) {
      if (c instanceof BadInputException e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<Document> docs = (List<Document>) c;
      out.addAll(docs);
    }
  }

  private static void addObject(String source, int line, ObjectNode node, List<Document> out) {
    String kind = node.path("kind").asText("");
    String apiVersion = node.path("apiVersion").asText("");
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      throw new BadInputException(source, line, "document has no " + (kind.isEmpty() ? "kind" : "apiVersion"));
    }
    for (String field : new String[] {"kind", "apiVersion"}) {
      if (!node.get(field).isTextual()) {
        throw new BadInputException(source, line, field + " must be a string, not " + node.get(field).getNodeType().name()
            .toLowerCase(java.util.Locale.ROOT) + " " + node.get(field));
      }
    }
    if (!node.path("metadata").isMissingNode() && !node.path("metadata").isObject()) {
      throw new BadInputException(source, line, kind + " metadata must be an object");
    }
    if (kind.endsWith("List") && node.has("items")) {
      for (JsonNode item : node.path("items")) {
        String missing = item.isObject() ? RequiredFields.problem(item) : null;
        if (missing != null) {
          throw new BadInputException(source, line, kind + " item " + item.path("kind").asText() + "/"
              + item.path("metadata").path("name").asText() + ": " + missing);
        }
      }
      KubernetesList list = convert(source, line, node, KubernetesList.class);
      for (HasMetadata item : list.getItems()) {
        if (item.getMetadata() == null || item.getMetadata().getName() == null) {
          throw new BadInputException(source, line, kind + " item " + item.getKind() + " has no metadata.name");
        }
        out.add(new Document(item, source, line));
      }
      return;
    }
    if (node.path("metadata").path("name").asText("").isEmpty()) {
      throw new BadInputException(source, line, kind + " has no metadata.name");
    }
    String missing = RequiredFields.problem(node);
    if (missing != null) {
      throw new BadInputException(source, line, kind + "/" + node.path("metadata").path("name").asText() + ": " + missing);
    }
    out.add(new Document(convert(source, line, node, HasMetadata.class), source, line));
  }

  private static <T> T convert(String source, int line, JsonNode node, Class<T> type) {
    try {
      Object o = SERIALIZATION.convertValue(node, type);
      if (!type.isInstance(o)) {
        // The deserializer falls back to a raw value when it cannot make an object of the kind.
        throw new BadInputException(source, line, node.path("kind").asText() + " " + node.path("apiVersion").asText()
            + " cannot be read as a Kubernetes object");
      }
      return type.cast(o);
    } catch (IllegalArgumentException | ClassCastException e) {
      String kind = node.path("kind").asText();
      String typed = TypeErrors.describe(e);
      throw new BadInputException(source, line, kind + "/" + node.path("metadata").path("name").asText() + ": "
          + (typed != null ? typed : "does not match its schema: " + firstLine(rootMessage(e))));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
