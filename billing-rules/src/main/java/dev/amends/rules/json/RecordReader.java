package dev.amends.rules.json;

import dev.amends.core.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads an NDJSON record stream one line at a time, in line order: each non-blank line gives a
 * {@link RecordLine.Accepted} or a {@link RecordLine.Rejected}, and a bad line never stops the
 * stream. Only the current line is held in memory. Get one from {@link RecordFormat}.
 *
 * <p>Not thread-safe: one reader is read by one thread. An {@link IOException} of the underlying
 * input is thrown as an {@link UncheckedIOException}; the reader closes its input when closed.
 *
 * @param <T> the record type
 */
public final class RecordReader<T> implements Iterator<RecordLine<T>>, Closeable {
  private final LineSource lines;
  private final RecordCodec<T> codec;
  private final String source;
  private RecordLine<T> next;
  private long read;
  private long rejected;

  RecordReader(LineSource lines, RecordCodec<T> codec, String source) {
    this.lines = lines;
    this.codec = codec;
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public RecordLine<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more lines in " + source);
    }
    RecordLine<T> line = next;
    next = null;
    read++;
    if (line instanceof RecordLine.Rejected) {
      rejected++;
    }
    return line;
  }

  /** The rest of the lines as a sequential stream; closing the stream closes this reader. */
  public Stream<RecordLine<T>> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::closeUnchecked);
  }

  /** Non-blank lines given so far: always {@link #accepted()} + {@link #rejected()}. */
  public long read() {
    return read;
  }

  /** Lines given so far as records. */
  public long accepted() {
    return read - rejected;
  }

  /** Lines given so far as rejections. */
  public long rejected() {
    return rejected;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RecordLine<T> advance() {
    try {
      LineSource.Line line;
      while ((line = lines.next()) != null) {
        if (line.problem() != null) {
          return rejected(line.number(), List.of(line.problem()));
        }
        if (!line.text().isBlank()) {
          return parse(line.number(), line.text());
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  private RecordLine<T> parse(long number, String text) {
    List<JsonProblem> problems = new ArrayList<>();
    T value = read(text, problems);
    return value != null && problems.isEmpty()
        ? new RecordLine.Accepted<>(number, value)
        : rejected(number, problems);
  }

  /** Reads one line's text; null after a problem. */
  static <T> T read(String text, RecordCodec<T> codec, List<JsonProblem> problems) {
    Object root;
    try (JsonParser p = Json.MAPPER.createParser(text)) {
      root = RecordValues.readLine(p);
    } catch (JacksonException e) {
      problems.add(syntaxProblem(e));
      return null;
    } catch (NumberFormatException e) {
      // Jackson 3.3 throws this raw for a number such as 1e9999999992007 (found by the mutation property).
      problems.add(new JsonProblem("", "(line)", "is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
      return null;
    }
    RecordFields fields = RecordFields.root(root, problems);
    T value;
    try {
      value = fields == null ? null : codec.read(fields);
    } catch (InvalidInputException e) { // a core check outside a build step: still this line's problem
      problems.add(new JsonProblem("", e.value(), e.field() + " " + e.rule()));
      return null;
    }
    if (value == null && problems.isEmpty()) {
      problems.add(new JsonProblem("", RecordFields.shown(RecordValues.node(root)), "is not a record"));
    }
    return value;
  }

  private T read(String text, List<JsonProblem> problems) {
    return read(text, codec, problems);
  }

  private RecordLine<T> rejected(long number, List<JsonProblem> problems) {
    return new RecordLine.Rejected<>(number, new JsonDocumentException(source + " line " + number, problems));
  }

  /** A parse error as a problem: where the parser was, the column, and Jackson's first line of text. */
  private static JsonProblem syntaxProblem(JacksonException e) {
    String pointer = "";
    if (e.processor() instanceof JsonParser p) {
      pointer = p.streamReadContext().pathAsPointer().toString();
    }
    String where = e.getLocation() == null ? "(line)" : "(at column " + e.getLocation().getColumnNr() + ")";
    String message = withoutSource(String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""));
    if (message.length() > 200) {
      message = message.substring(0, 200) + "...";
    }
    return new JsonProblem(pointer, where, "is not valid JSON: " + message);
  }

  private static final java.util.regex.Pattern SOURCE_IN_PARENTHESES =
      java.util.regex.Pattern.compile("\\s*\\((?:start marker at )?\\[Source: [^\\]]*\\]\\)");
  private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("\\s*\\[Source: [^\\]]*\\]");

  /** Jackson's advice to switch a feature on or off ({@code : enable `JsonReadFeature.X` to allow}). */
  private static final java.util.regex.Pattern FEATURE_ADVICE = java.util.regex.Pattern.compile(
      "\\s*[:;,]?\\s*\\(?(?:enable|disable)\\s+`[^`]*`\\s+to\\s+\\w+\\)?");
  /** The Java type a value was to be bound as, and the feature that refused it. */
  private static final java.util.regex.Pattern BINDING = java.util.regex.Pattern.compile(
      "\\s*\\(bound as `[^`]*`\\)|\\s*[:;,]?\\s*not allowed as per `[^`]*`");
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("`JsonToken\\.(\\w+)`");

  /**
   * Jackson's message without its source location ({@code (start marker at [Source: REDACTED
   * ...; byte offset: #UNKNOWN])}), which says nothing to a reader: the line and column are ours;
   * and without the names of Jackson's features, types and tokens ({@code enable
   * `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}, {@code `JsonToken.START_OBJECT`}),
   * which are not the reader's to change: a token is shown as its text.
   */
  static String withoutSource(String message) {
    String m = SOURCE.matcher(SOURCE_IN_PARENTHESES.matcher(message).replaceAll("")).replaceAll("");
    m = BINDING.matcher(FEATURE_ADVICE.matcher(m).replaceAll("")).replaceAll("");
    return TOKEN.matcher(m).replaceAll(t -> java.util.regex.Matcher.quoteReplacement(token(t.group(1))));
  }

  private static String token(String name) {
    return switch (name) {
      case "START_OBJECT" -> "'{'";
      case "END_OBJECT" -> "'}'";
      case "START_ARRAY" -> "'['";
      case "END_ARRAY" -> "']'";
      case "VALUE_STRING" -> "a string";
      case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
      case "VALUE_TRUE" -> "true";
      case "VALUE_FALSE" -> "false";
      case "VALUE_NULL" -> "null";
      case "PROPERTY_NAME", "FIELD_NAME" -> "a property name";
      default -> name.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}
