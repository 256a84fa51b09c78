package dev.amends.rules.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 bytes built in a buffer and written to a stream a buffer at a time: the byte
 * output under {@link DecisionBytes}, which writes the text of a line itself when every string in
 * it is plain (printable ASCII needing no escape), and otherwise has the line's text made by
 * Jackson and {@link #text encoded} here. A line begun is either finished or {@link #rewind rewound}
 * to its start; only finished lines reach the stream.
 *
 * <p>Not thread-safe. An {@link IOException} of the stream is thrown as an {@link
 * UncheckedIOException} by the writes, as it is by {@link #flush} and {@link #close}.
 */
final class Utf8Lines {
  /** Written to the stream once this much is buffered. */
  static final int FLUSH_AT = 1 << 16;

  private final OutputStream out;
  private byte[] buf = new byte[FLUSH_AT + 4096];
  private int pos;
  /** Where the line being written starts. */
  private int lineStart;

  Utf8Lines(OutputStream out) {
    this.out = out;
  }

  /** Starts a line: what is written from here on can be rewound. */
  void begin() {
    lineStart = pos;
  }

  /** Drops what was written since {@link #begin}. */
  void rewind() {
    pos = lineStart;
  }

  /** Ends the line with {@code \n}, and writes out the buffer if it is full enough. */
  void end() {
    ensure(1);
    buf[pos++] = '\n';
    if (pos >= FLUSH_AT) {
      drain();
    }
  }

  /** Bytes as they are (ASCII JSON text known to need no escape, such as a quoted field name). */
  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  /** One ASCII character. */
  void raw(char c) {
    ensure(1);
    buf[pos++] = (byte) c;
  }

  /** A number as JSON writes it. */
  void number(long n) {
    if (n >= 0 && n < 10) {
      raw((char) ('0' + n));
      return;
    }
    ascii(Long.toString(n));
  }

  /**
   * A string in quotes, if it is plain: every character printable ASCII ({@code ' '} to {@code
   * '~'}) other than {@code "} and {@code \}, which JSON writes as they are.
   *
   * @return false, with nothing written, if it is not plain
   */
  boolean string(String s) {
    int n = s.length();
    ensure(n + 2);
    int p = pos;
    byte[] b = buf;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
      b[p++] = (byte) c;
    }
    b[p++] = '"';
    pos = p;
    return true;
  }

  /** Text known to be printable ASCII, without quotes (a number's digits). */
  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /**
   * Text of any characters as UTF-8, a lone surrogate as {@code ?}: as a {@link
   * java.io.OutputStreamWriter} of UTF-8 encodes it.
   */
  void text(String s) {
    raw(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes out the finished lines and flushes the stream. */
  void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes out the finished lines and closes the stream. */
  void close() {
    try (OutputStream o = out) {
      drain();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drain() {
    if (pos == 0) {
      return;
    }
    try {
      out.write(buf, 0, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pos = 0;
    lineStart = 0;
  }

  private void ensure(int more) {
    if (buf.length - pos < more) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }
}
