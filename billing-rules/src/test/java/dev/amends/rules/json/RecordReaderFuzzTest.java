package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.amends.core.AmendsException;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Fuzzes every record reader with arbitrary bytes. Whatever the bytes, a reader gives one result
 * per non-blank line and throws nothing: a bad line is a rejection, never an exception, and the
 * single-line {@code fromLine} throws only Amends' own exceptions.
 *
 * <p>{@code mvn test} runs the seeds under {@code src/test/resources/.../RecordReaderFuzzTestInputs}
 * (regression mode). To fuzz for real, for as long as you like:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl billing-rules -am test -Dtest=RecordReaderFuzzTest -Djazzer.max_duration=10m
 * </pre>
 */
class RecordReaderFuzzTest {
  private static final List<RecordFormat<?>> FORMATS = List.of(RecordFormat.ACCOUNTS, RecordFormat.OUTAGES,
      RecordFormat.TELEMETRY, RecordFormat.CLAIMS, RecordFormat.ISSUED_CREDITS, RecordFormat.CARRIED_CREDITS);

  @FuzzTest(maxDuration = "10s")
  void onlyRejectionsNeverExceptions(byte[] input) {
    for (RecordFormat<?> format : FORMATS) {
      readAll(format, input);
      try {
        format.fromLine(new String(input, java.nio.charset.StandardCharsets.UTF_8));
      } catch (AmendsException expected) {
        // our own: a JsonDocumentException (or InvalidInputException)
      }
    }
  }

  private static <T> void readAll(RecordFormat<T> format, byte[] input) {
    RecordReader<T> in = format.reader(new ByteArrayInputStream(input), "fuzz");
    long lines = 0;
    while (in.hasNext()) {
      RecordLine<T> line = in.next();
      assertThat(line.lineNumber()).isGreaterThan(lines);
      lines = line.lineNumber();
    }
    assertThat(in.read()).isEqualTo(in.accepted() + in.rejected());
  }
}
