package dev.amends.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Text a command writes, to a file it opened (closed at the end) or to standard output (only
 * flushed). Write failures are unchecked: the command stops with them.
 */
abstract class TextOut implements AutoCloseable {
  final Writer out;
  private final boolean close;

  /**
   * @param out where to write
   * @param close whether {@link #close()} closes it (a file) or only flushes it (standard output)
   */
  TextOut(Writer out, boolean close) {
    this.out = out;
    this.close = close;
  }

  /** Writes text as it is. */
  final void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (close) {
      out.close();
    } else {
      out.flush();
    }
  }
}
