package dev.envprofile.cli;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over text already in memory, in linear time. The stock reader
 * copies its whole unread window for every 1,024 characters it loads, so one scalar of n characters
 * costs n²/1024 copies: 2 s for 1 MB, 12 s for 3 MB, minutes for 8 MB. This one keeps the text as one
 * array of code points and only moves a pointer; positions, marks and errors are the stock reader's
 * (the same chunked check for unprintable characters, so an error surfaces where it used to).
 */
final class WholeTextReader extends StreamReader {
  /** The stock reader loads 1,023 UTF-16 units at a time (one more to complete a surrogate pair). */
  private static final int CHUNK = 1023;
  private static final String NAME = "'reader'";
  private final String source;
  private final int[] text;
  private int checked;
  private int checkedChars;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super(new StringReader(""));
    this.source = text;
    this.text = codePoints(text);
  }

  private static int[] codePoints(String s) {
    int[] out = new int[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); n++) {
      int c = s.codePointAt(i);
      out[n] = c;
      i += Character.charCount(c);
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** True when the code point at pointer + ahead exists, checking printability a chunk at a time. */
  private boolean ensure(int ahead) {
    while (pointer + ahead >= checked && checkedChars < source.length()) {
      load();
    }
    return pointer + ahead < checked;
  }

  /** The next chunk, as the stock reader would load it: same boundaries, so errors come at the same event. */
  private void load() {
    int start = checkedChars;
    int end = Math.min(source.length(), start + CHUNK);
    if (Character.isHighSurrogate(source.charAt(end - 1))) {
      if (end == source.length()) {
        throw new ReaderException(NAME, index + (end - start), source.charAt(end - 1),
            "The last char is HighSurrogate (no LowSurrogate detected).");
      }
      end++;
    }
    int last = checked + source.codePointCount(start, end);
    for (int i = checked; i < last; i++) {
      if (!isPrintable(text[i])) {
        throw new ReaderException(NAME, index + (i - pointer), text[i], "special characters are not allowed");
      }
    }
    checked = last;
    checkedChars = end;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && ensure(0); i++) {
      int c = text[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && ensure(0) && text[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return ensure(0) ? text[pointer] : 0;
  }

  @Override
  public int peek(int ahead) {
    return ensure(ahead) ? text[pointer + ahead] : 0;
  }

  @Override
  public String prefix(int length) {
    if (length == 0) {
      return "";
    }
    return ensure(length) ? new String(text, pointer, length) : new String(text, pointer, Math.min(length, checked - pointer));
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
