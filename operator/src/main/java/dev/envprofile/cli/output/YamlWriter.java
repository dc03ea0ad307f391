package dev.envprofile.cli.output;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * The manifests promote prints, in the plain style a GitOps pull request reads best: strings
 * unquoted where {@link PlainScalars} says every YAML reader reads them back as the same string,
 * multi-line text as a literal block, everything else double-quoted. Lines are never folded, so a
 * long command stays one line in a diff. Same key order and layout as fabric8's asYaml.
 */
public final class YamlWriter {
  private final KubernetesSerialization kubernetes;
  private final Dump dump;
  /** Escapes every non-ASCII character: for the rare document with a YAML 1.1 line break (below). */
  private final Dump ascii;

  public YamlWriter(KubernetesSerialization kubernetes) {
    this.kubernetes = kubernetes;
    this.dump = dump(true);
    this.ascii = dump(false);
  }

  private static Dump dump(boolean unicode) {
    DumpSettings settings = DumpSettings.builder().setExplicitStart(true).setDefaultFlowStyle(FlowStyle.BLOCK)
        .setSplitLines(false).setUseUnicodeEncoding(unicode).build();
    return new Dump(settings, new Representer(settings));
  }

  /** One document ("---" first) for a model object. */
  public void write(Object object, Writer out) {
    writeTree(kubernetes.convertValue(object, Object.class), out);
  }

  /**
   * One document for a tree of maps, lists, strings, numbers, booleans and nulls. The YAML 1.2
   * emitter writes NEL, LS and PS (U+0085, U+2028, U+2029) as they are; YAML 1.1 readers (go-yaml
   * v2, SnakeYAML) read them as line breaks and change the string, so a document holding one is
   * written again with non-ASCII characters escaped. One document is held at a time.
   */
  public void writeTree(Object tree, Writer out) {
    java.io.StringWriter doc = new java.io.StringWriter();
    dump.dump(tree, sink(doc));
    String text = doc.toString();
    if (text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
      doc = new java.io.StringWriter();
      ascii.dump(tree, sink(doc));
      text = doc.toString();
    }
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StreamDataWriter sink(Writer out) {
    return new StreamDataWriter() {
      @Override
      public void write(String str) {
        try {
          out.write(str);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void write(String str, int off, int len) {
        try {
          out.write(str, off, len);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  public String asYaml(Object object) {
    java.io.StringWriter sw = new java.io.StringWriter();
    write(object, sw);
    return sw.toString();
  }

  private static final class Representer extends StandardRepresenter {
    /** Representing a map's key: a multi-line key is double-quoted, never a block. */
    private boolean key;

    Representer(DumpSettings settings) {
      super(settings);
      // Keys and values alike. The emitter still quotes a plain request it cannot write plainly.
      representers.put(String.class, data -> {
        String s = (String) data;
        ScalarStyle style = PlainScalars.safe(s) ? ScalarStyle.PLAIN
            : !key && s.indexOf('\n') >= 0 ? ScalarStyle.LITERAL : ScalarStyle.DOUBLE_QUOTED;
        return representScalar(Tag.STR, s, style);
      });
    }

    @Override
    protected NodeTuple representMappingEntry(java.util.Map.Entry<?, ?> entry) {
      key = true;
      Node k;
      try {
        k = representData(entry.getKey());
      } finally {
        key = false;
      }
      return new NodeTuple(k, representData(entry.getValue()));
    }
  }
}
