package dev.envprofile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envprofile.testing.Mutations;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The linear reader is SnakeYAML's reader, only faster: on the samples and on mutations of them
 * (odd characters, BOMs, NULs, CRs, truncation), both give the same events at the same marks, and
 * the same error at the same place (only the snippet of source an error quotes may differ).
 */
class WholeTextReaderTest {
  private static final String[] ODD = {"\r", "\r\n", "\u0085", "\u2028", "\uFEFF", "\u0000", "\u0007", "\uD83D\uDE42",
      "\uD83D", "\t", "日本", "\u00A0"};
  private static List<String> texts;

  @BeforeContainer
  static void load() throws IOException {
    texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize().resolve("samples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        texts.add(Files.readString(f));
      }
    }
  }

  @Property(tries = 1500)
  void sameEventsAndErrorsAsTheStockReader(@ForAll long seed) {
    Random r = new Random(seed);
    String text = Mutations.mutate(texts.get(r.nextInt(texts.size())), r, r.nextInt(4));
    for (int i = r.nextInt(3); i > 0 && !text.isEmpty(); i--) {
      int at = r.nextInt(text.length());
      text = text.substring(0, at) + ODD[r.nextInt(ODD.length)] + text.substring(at);
    }
    assertThat(events(new WholeTextReader(text))).isEqualTo(events(new StreamReader(new StringReader(text))));
  }

  /** Through Jackson too: every document reads as the same tree (or the same failure) as with the stock factory. */
  @Property(tries = 1000)
  void sameTreesAsTheStockFactory(@ForAll long seed) {
    Random r = new Random(seed);
    String text = Mutations.mutate(texts.get(r.nextInt(texts.size())), r, r.nextInt(3));
    List<String> linear = trees(LinearYamlFactory.mapper(), text);
    // the CLI refuses duplicate keys (the API server would keep the last silently): so does the reference here
    List<String> stock = trees(new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION), text);
    if (!linear.isEmpty() && linear.get(linear.size() - 1).equals("alias")) {
      // refused on purpose where the stock factory reads *name as "name"; the documents before it agree
      assertThat(stock.subList(0, Math.min(stock.size(), linear.size() - 1))).isEqualTo(linear.subList(0, linear.size() - 1));
    } else {
      assertThat(linear).isEqualTo(stock);
    }
  }

  private static List<String> trees(ObjectMapper mapper, String text) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      while (p.nextToken() != null) {
        out.add(String.valueOf((Object) mapper.readTree(p)));
      }
    } catch (LinearYamlFactory.AliasException e) {
      out.add("alias");
    } catch (IOException | RuntimeException e) {
      out.add("failed");
    }
    return out;
  }

  @Property(tries = 50)
  void longScalarsAcrossChunks(@ForAll long seed) {
    Random r = new Random(seed);
    String value = "x".repeat(r.nextInt(5000)) + ODD[r.nextInt(ODD.length)] + "y".repeat(r.nextInt(5000));
    String text = "a: \"" + value + "\"\nb: " + value + "\nc: |\n  " + value + "\n# " + value + "\n";
    assertThat(events(new WholeTextReader(text))).isEqualTo(events(new StreamReader(new StringReader(text))));
  }

  /** Each event with its marks, ending in the error if there is one. */
  private static List<String> events(StreamReader reader) {
    List<String> out = new ArrayList<>();
    ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
    try {
      while (true) {
        Event e = parser.getEvent();
        out.add(e + " " + mark(e.getStartMark()) + "-" + mark(e.getEndMark()));
        if (e.is(Event.ID.StreamEnd)) {
          return out;
        }
      }
    } catch (MarkedYAMLException e) {
      out.add(e.getClass().getSimpleName() + ": " + e.getContext() + " " + mark(e.getContextMark()) + " " + e.getProblem()
          + " " + mark(e.getProblemMark()));
      return out;
    } catch (ReaderException e) {
      out.add("ReaderException: " + e.getName() + " " + e.getPosition() + " " + e.getCodePoint() + " " + e.getMessage());
      return out;
    }
  }

  private static String mark(org.yaml.snakeyaml.error.Mark m) {
    return m == null ? "-" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
  }
}
