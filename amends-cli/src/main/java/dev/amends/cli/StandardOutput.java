package dev.amends.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output as a command writes its results there. A {@link PrintWriter} swallows write
 * errors; this writer asks it {@link PrintWriter#checkError()} at every flush and after every
 * {@value #CHECK_EVERY} characters, and stops the command with a {@link CliException} ({@link
 * ExitCodes#WRITE_FAILED}) once it failed: a closed pipe ({@code amends credit … | head}) ends
 * the run within that many characters, not after deciding everything. Closing it only flushes.
 */
final class StandardOutput extends Writer {
  /** Characters written between two checks. */
  static final int CHECK_EVERY = 1 << 16;

  private final PrintWriter out;
  private long unchecked;

  StandardOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    out.write(cbuf, off, len);
    counted(len);
  }

  @Override
  public void write(String s, int off, int len) {
    out.write(s, off, len);
    counted(len);
  }

  private void counted(int len) {
    unchecked += len;
    if (unchecked >= CHECK_EVERY) {
      flush();
    }
  }

  @Override
  public void flush() {
    unchecked = 0;
    check(out);
  }

  @Override
  public void close() {
    flush();
  }

  /**
   * Flushes a command's standard output and throws if writing to it ever failed.
   *
   * @throws CliException with {@link ExitCodes#WRITE_FAILED}, with the system's reason when known
   */
  static void check(PrintWriter out) {
    if (out.checkError()) {
      IOException why = out instanceof Recording r ? r.failure() : null;
      throw new CliException(ExitCodes.WRITE_FAILED, "writing to standard output failed"
          + (why == null ? "" : ": " + OutputFile.reason(why)) + "; the output is incomplete");
    }
  }

  /**
   * A print writer on a stream that remembers the stream's first failure, so that the message
   * can give the system's reason ("Broken pipe").
   */
  static final class Recording extends PrintWriter {
    private final Remember stream;

    private Recording(Remember stream, java.nio.charset.Charset charset) {
      super(new java.io.OutputStreamWriter(stream, charset), true);
      this.stream = stream;
    }

    /** A print writer on {@code out}, which it does not buffer beyond the encoder's buffer. */
    static Recording on(OutputStream out, java.nio.charset.Charset charset) {
      return new Recording(new Remember(out), charset);
    }

    IOException failure() {
      return stream.failure;
    }
  }

  private static final class Remember extends FilterOutputStream {
    private volatile IOException failure;

    Remember(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
