package dev.amends.rules.json;

import dev.amends.core.internal.Checks;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Writes records as NDJSON, one JSON object a line ({@code \n}), each written as soon as it is
 * given: fields in a fixed order, sets sorted, decimals and money amounts as exact strings, so the
 * same records always give the same bytes. Get one from {@link RecordFormat} (records) or {@link DecisionJson} (decisions).
 *
 * <p>Not thread-safe. An {@link IOException} of the underlying output is thrown as an {@link
 * UncheckedIOException}; the writer closes its output when closed.
 *
 * @param <T> the record type
 */
public final class RecordWriter<T> implements Closeable, Flushable {
  private final Writer out;
  private final Function<T, String> toLine;
  private long written;

  RecordWriter(Writer out, Function<T, String> toLine) {
    this.out = out;
    this.toLine = toLine;
  }

  /**
   * Writes one record as one line.
   *
   * @param record the record, not null
   * @throws dev.amends.core.InvalidInputException naming {@code record} if it is null
   */
  public void write(T record) {
    String line = toLine.apply(Checks.notNull("record", record));
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written++;
  }

  /** The number of records written. */
  public long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
