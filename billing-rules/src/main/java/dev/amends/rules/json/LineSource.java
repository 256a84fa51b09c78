package dev.amends.rules.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits characters or UTF-8 bytes into NDJSON lines, one at a time and never more than one line
 * in memory: a line ends at {@code \n} (a {@code \r} before it is dropped), the last line may lack
 * it, and a byte-order mark before the first line is skipped. A line longer than the limit is
 * skipped to its end and given as a problem, as are bytes that are not UTF-8; reading goes on with
 * the next line.
 */
abstract class LineSource implements Closeable {
  /**
   * One line: its text, or the problem that kept it from being read.
   *
   * @param number the line number, from 1
   * @param text the line without its end, or null if {@code problem} is set
   * @param problem why the line could not be read, or null
   */
  record Line(long number, String text, JsonProblem problem) {}

  private static final int EOF = -1;

  final int maxLength;
  private long number;
  private boolean ended;

  private LineSource(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Lines of a character stream, each at most {@code maxLength} characters. */
  static LineSource of(Reader reader, int maxLength) {
    return new Chars(reader, maxLength);
  }

  /** Lines of a UTF-8 byte stream, each at most {@code maxLength} characters. */
  static LineSource of(InputStream in, int maxLength) {
    return new Bytes(in, maxLength);
  }

  /** The next line, or null at the end of the input. */
  final Line next() throws IOException {
    if (ended) {
      return null;
    }
    clear();
    boolean overlong = false;
    boolean any = false;
    int unit;
    while ((unit = read()) != EOF && unit != '\n') {
      any = true;
      if (!overlong && !append(unit)) {
        overlong = true;
      }
    }
    if (unit == EOF) {
      ended = true;
      if (!any) {
        return null;
      }
    }
    number++;
    if (overlong) {
      return new Line(number, null, new JsonProblem("", "(line)", "is longer than " + maxLength + " characters"));
    }
    return decode(number);
  }

  /** The next byte or character, or {@link #EOF}. */
  abstract int read() throws IOException;

  abstract void clear();

  /** Adds a unit to the line; false if that makes it too long. */
  abstract boolean append(int unit);

  /** The line read, without a final {@code \r} or a first-line byte-order mark. */
  abstract Line decode(long number);

  private static final class Chars extends LineSource {
    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private final StringBuilder line = new StringBuilder();

    Chars(Reader reader, int maxLength) {
      super(maxLength);
      this.reader = reader;
    }

    @Override
    int read() throws IOException {
      if (pos == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return EOF;
        }
      }
      return buffer[pos++];
    }

    @Override
    void clear() {
      line.setLength(0);
    }

    @Override
    boolean append(int unit) {
      if (line.length() > maxLength) {
        return false;
      }
      line.append((char) unit);
      return true;
    }

    @Override
    Line decode(long number) {
      int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
      int start = number == 1 && end > 0 && line.charAt(0) == '\uFEFF' ? 1 : 0;
      if (end - start > maxLength) {
        return new Line(number, null, new JsonProblem("", "(line)", "is longer than " + maxLength + " characters"));
      }
      return new Line(number, line.substring(start, end), null);
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class Bytes extends LineSource {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int length;

    Bytes(InputStream in, int maxLength) {
      super(maxLength);
      this.in = in;
    }

    @Override
    int read() throws IOException {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return EOF;
        }
      }
      return buffer[pos++] & 0xff;
    }

    @Override
    void clear() {
      length = 0;
    }

    @Override
    boolean append(int unit) {
      // A character is 1 to 4 bytes (a surrogate pair 4 for 2 characters): 4 bytes a character
      // bound any line that can fit; the exact count is checked once decoded.
      if (length > 4L * maxLength + 1) {
        return false;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 8, 2L * line.length));
      }
      line[length++] = (byte) unit;
      return true;
    }

    /** One strict decoder for every line of this source (a source is read by one thread). */
    private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    @Override
    Line decode(long number) {
      int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      int start = number == 1 && end >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
          && (line[2] & 0xff) == 0xBF ? 3 : 0;
      String text;
      try {
        text = utf8.decode(ByteBuffer.wrap(line, start, end - start)).toString(); // decode resets it
      } catch (CharacterCodingException e) {
        return new Line(number, null, new JsonProblem("", "(line)", "is not valid UTF-8"));
      }
      if (text.length() > maxLength) {
        return new Line(number, null, new JsonProblem("", "(line)", "is longer than " + maxLength + " characters"));
      }
      return new Line(number, text, null);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
