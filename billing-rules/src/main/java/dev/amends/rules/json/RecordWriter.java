package dev.amends.rules.json;

import dev.amends.core.internal.Checks;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

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
  /**
   * For a writer that streams: one generator over {@link #out} for every record, which writes each
   * record's JSON straight into the output (no text of the line in between), and what writes a
   * record to it; null otherwise.
   */
  private final JsonGenerator generator;
  private final BiConsumer<T, JsonGenerator> body;
  private long written;

  RecordWriter(Writer out, Function<T, String> toLine) {
    this.out = out;
    this.toLine = toLine;
    this.generator = null;
    this.body = null;
  }

  /**
   * A writer that streams each record through one generator of {@link Json#MAPPER} made over
   * {@code out} with no separator between root values: {@code body} writes a record as one JSON
   * value, then the line end follows. The generator's settings are the mapper's, so the text is
   * that of a generator made per line.
   */
  RecordWriter(Writer out, BiConsumer<T, JsonGenerator> body) {
    this.out = out;
    this.toLine = null;
    this.generator = Json.MAPPER.writer().withRootValueSeparator((String) null).createGenerator(out);
    this.body = body;
  }

  /**
   * Writes one record as one line.
   *
   * @param record the record, not null
   * @throws dev.amends.core.InvalidInputException naming {@code record} if it is null
   */
  public void write(T record) {
    Checks.notNull("record", record);
    if (generator != null) {
      try {
        body.accept(record, generator);
        generator.writeRaw('\n');
      } catch (JacksonIOException e) {
        throw new UncheckedIOException(e.getCause());
      }
      written++;
      return;
    }
    String line = toLine.apply(record);
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
    if (generator != null) {
      try {
        generator.flush(); // the generator's buffer into out, and out flushed
      } catch (JacksonIOException e) {
        throw e.getCause();
      }
      return;
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (generator != null) {
      try {
        generator.close(); // flushes, and closes out
      } catch (JacksonIOException e) {
        throw e.getCause();
      }
      return;
    }
    out.close();
  }
}
