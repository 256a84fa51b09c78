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
 * it, and a UTF-8 byte-order mark before the first line is skipped. A line longer than the limit is
 * skipped to its end and given as a problem, as are bytes that are not UTF-8; reading goes on with
 * the next line.
 *
 * <p>Input in another encoding is told once, not line by line: bytes that start with a UTF-16 or
 * UTF-32 byte-order mark, or with a NUL byte among the first two (JSON text in UTF-8 has none; in
 * UTF-16 every ASCII character has one), give one problem as line 1, naming the encoding found and
 * UTF-8 as the one expected, and nothing more is read. Characters that start with NUL or a
 * byte-swapped byte-order mark (U+FFFE) are told the same way.
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

  final int maxLength;
  private long number;
  private boolean ended;
  private boolean encodingChecked;

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
    if (!encodingChecked) {
      encodingChecked = true;
      String found = otherEncoding();
      if (found != null) {
        ended = true;
        number = 1;
        return new Line(number, null, new JsonProblem("", "(file)", "is " + found + ", not UTF-8, so none of it"
            + " was read: NDJSON input must be UTF-8; convert it (for example iconv -f UTF-16 -t UTF-8) and read it"
            + " again"));
      }
    }
    clear();
    int read = readLine();
    if ((read & AT_EOF) != 0) {
      ended = true;
      if ((read & ANY) == 0) {
        return null;
      }
    }
    number++;
    if ((read & OVERLONG) != 0) {
      return new Line(number, null, new JsonProblem("", "(line)", "is longer than " + maxLength + " characters"));
    }
    return decode(number);
  }

  /** {@link #readLine()}: at least one unit was read before the line's end. */
  private static final int ANY = 1;
  /** {@link #readLine()}: the line is longer than the limit; the units past it were skipped. */
  private static final int OVERLONG = 2;
  /** {@link #readLine()}: the input ended (not a {@code \n}). */
  private static final int AT_EOF = 4;

  /**
   * Reads units up to the next {@code \n} (consumed, not kept) or the end of the input, keeping
   * them in the line while it is within the limit: a run of units at a time from the buffer, not
   * one call per unit.
   *
   * @return {@link #ANY}, {@link #OVERLONG} and {@link #AT_EOF} as they apply
   */
  abstract int readLine() throws IOException;

  /**
   * What the input's first units say its encoding is when it is not UTF-8 text (such as {@code
   * UTF-16 little-endian (byte-order mark FF FE)}), or null; reads ahead without consuming.
   */
  abstract String otherEncoding() throws IOException;

  abstract void clear();

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
    int readLine() throws IOException {
      int flags = 0;
      while (true) {
        if (pos == limit) {
          limit = reader.read(buffer, 0, buffer.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return flags | AT_EOF;
          }
        }
        char[] units = buffer;
        int end = limit;
        int start = pos;
        int i = start;
        while (i < end && units[i] != '\n') {
          i++;
        }
        if (i > start) {
          flags |= ANY;
          // Kept up to one character past the limit, as one character at a time was: then too long.
          if ((flags & OVERLONG) == 0 && line.length() + (long) (i - start) > maxLength + 1L) {
            flags |= OVERLONG;
          }
          if ((flags & OVERLONG) == 0) {
            line.append(buffer, start, i - start);
          }
        }
        if (i < end) {
          pos = i + 1;
          return flags;
        }
        pos = end;
      }
    }

    @Override
    String otherEncoding() throws IOException {
      while (limit < 2) {
        int n = reader.read(buffer, limit, buffer.length - limit);
        if (n <= 0) {
          break;
        }
        limit += n;
      }
      if (limit >= 1 && buffer[0] == '\uFFFE') {
        return "text whose first character is U+FFFE, a byte-swapped byte-order mark (UTF-16 decoded in the wrong"
            + " byte order)";
      }
      if (limit >= 2 && (buffer[0] == 0 || buffer[1] == 0)) {
        return "text with NUL characters (U+0000) between its characters (UTF-16 bytes decoded as if they were"
            + " UTF-8 or Latin-1)";
      }
      return null;
    }

    @Override
    void clear() {
      line.setLength(0);
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
    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    /** Every byte of the line OR-ed: without its high bit the line is ASCII. */
    private int bits;

    Bytes(InputStream in, int maxLength) {
      super(maxLength);
      this.in = in;
    }

    @Override
    int readLine() throws IOException {
      int flags = 0;
      while (true) {
        if (pos == limit) {
          limit = in.read(buffer, 0, buffer.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return flags | AT_EOF;
          }
        }
        byte[] units = buffer;
        int end = limit;
        int start = pos;
        int i = start;
        int or = 0;
        // Eight bytes at a time while none of them is '\n' (SWAR: a zero byte of w ^ NEWLINES is a
        // '\n'; the test has no false negatives, and a false positive only ends this loop early), then
        // one at a time as before.
        long high = 0;
        while (i + 8 <= end) {
          long w = (long) LONGS.get(units, i);
          long x = w ^ NEWLINES;
          if (((x - ONES) & ~x & HIGH_BITS) != 0) {
            break;
          }
          high |= w;
          i += 8;
        }
        if ((high & HIGH_BITS) != 0) {
          or = 0x80; // a byte of the line is not ASCII: all that the line's bits are read for
        }
        byte b;
        while (i < end && (b = units[i]) != '\n') {
          or |= b;
          i++;
        }
        if (i > start) {
          flags |= ANY;
          if ((flags & OVERLONG) == 0 && !append(start, i - start, or)) {
            flags |= OVERLONG;
          }
        }
        if (i < end) {
          pos = i + 1;
          return flags;
        }
        pos = end;
      }
    }

    @Override
    String otherEncoding() throws IOException {
      while (limit < 4) {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n <= 0) {
          break;
        }
        limit += n;
      }
      int b0 = limit > 0 ? buffer[0] & 0xff : -1;
      int b1 = limit > 1 ? buffer[1] & 0xff : -1;
      int b2 = limit > 2 ? buffer[2] & 0xff : -1;
      int b3 = limit > 3 ? buffer[3] & 0xff : -1;
      if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
        return "UTF-32 big-endian (byte-order mark 00 00 FE FF)";
      }
      if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
        return "UTF-32 little-endian (byte-order mark FF FE 00 00)";
      }
      if (b0 == 0xFE && b1 == 0xFF) {
        return "UTF-16 big-endian (byte-order mark FE FF)";
      }
      if (b0 == 0xFF && b1 == 0xFE) {
        return "UTF-16 little-endian (byte-order mark FF FE)";
      }
      if (b0 == 0 && b1 == 0) {
        return "UTF-32 or binary (it starts with two NUL bytes)";
      }
      if (b0 == 0 && b1 > 0) {
        return "UTF-16 big-endian without a byte-order mark (a NUL byte before each character)";
      }
      if (b0 > 0 && b1 == 0) {
        return "UTF-16 little-endian without a byte-order mark (a NUL byte after each character)";
      }
      return null;
    }

    @Override
    void clear() {
      length = 0;
      bits = 0;
    }

    /**
     * Adds {@code count} bytes of the buffer from {@code start} to the line, {@code or} their bytes
     * OR-ed (sign-extended); false, adding nothing, if that makes it too long.
     */
    private boolean append(int start, int count, int or) {
      // A character is 1 to 4 bytes (a surrogate pair 4 for 2 characters): 4 bytes a character
      // bound any line that can fit; the exact count is checked once decoded. Kept up to two bytes
      // past that bound, as one byte at a time was: then too long.
      if (length + (long) count > 4L * maxLength + 2) {
        return false;
      }
      if (length + count > line.length) {
        line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * line.length, (long) length + count)));
      }
      System.arraycopy(buffer, start, line, length, count);
      length += count;
      bits |= or & 0xff;
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
      if (bits < 0x80) { // ASCII, which is valid UTF-8 and decodes to the same characters as Latin-1: one copy
        text = new String(line, start, end - start, StandardCharsets.ISO_8859_1);
      } else {
        try {
          text = utf8.decode(ByteBuffer.wrap(line, start, end - start)).toString(); // decode resets it
        } catch (CharacterCodingException e) {
          return new Line(number, null, new JsonProblem("", "(line)", "is not valid UTF-8"));
        }
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
