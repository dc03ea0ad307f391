package dev.envprofile.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * The YAML the CLI reads: parsed in linear time ({@link WholeTextReader}), within {@link InputLimits}.
 * Jackson reads events, not SnakeYAML's composed nodes, so aliases are never expanded here (an
 * alias would read as its anchor's name): {@link ManifestReader} refuses them.
 */
final class LinearYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  private LinearYamlFactory() {
    // Duplicate keys are an error: the API server would keep the last one silently.
    super(YAMLFactory.builder().loaderOptions(loaderOptions())
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(InputLimits.MAX_NESTING)
            .maxStringLength(InputLimits.MAX_DOCUMENT_CHARS + 1)
            .build()));
    // The builder starts from no YAML parser features; the stock factory reads empty scalars as null.
    _yamlParserFeatures = DEFAULT_YAML_PARSER_FEATURE_FLAGS;
  }

  static ObjectMapper mapper() {
    return new ObjectMapper(new LinearYamlFactory());
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(InputLimits.MAX_DOCUMENT_CHARS);
    o.setNestingDepthLimit(InputLimits.MAX_NESTING);
    o.setMaxAliasesForCollections(0);
    o.setAllowRecursiveKeys(false);
    return o;
  }

  @Override
  public YAMLParser createParser(String content) {
    return parser(content, _createContext(_createContentReference(content), true));
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    StringWriter all = new StringWriter();
    r.transferTo(all);
    return parser(all.toString(), ctxt);
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
    return parser(new String(data, offset, len), ctxt);
  }

  private YAMLParser parser(String text, IOContext ctxt) {
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec,
        new ParserImpl(new WholeTextReader(text), _loaderOptions));
  }

  /** YAMLParser over the linear reader (its constructor that takes a SnakeYAML parser), refusing aliases. */
  private static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, int features, int yamlFeatures, ObjectCodec codec, ParserImpl events) {
      super(ctxt, features, yamlFeatures, codec, new StringReader(""), events);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if (isCurrentAlias()) {
        throw new AliasException(this, getText());
      }
      return t;
    }
  }

  /**
   * A YAML alias (*name). Refused rather than expanded: Jackson would read it as the anchor's name,
   * silently changing the manifest, and expanding it is how a small document becomes a billion nodes.
   */
  static final class AliasException extends JsonParseException {
    private static final long serialVersionUID = 1L;

    AliasException(JsonParser p, String name) {
      super(p, "YAML alias *" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
          + " is not supported: expand aliases and merge keys first (for example yq 'explode(.)')");
    }
  }
}
