package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.rules.BatchResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The streaming writer of batch results writes what {@link DecisionJson#toLine(BatchResult)} gives, one a line. */
class DecisionJsonWriterTest {
  /** Any text, control characters, quotes, backslashes and non-ASCII included, is escaped as a line of its own would be. */
  @Property(tries = 200)
  void streamedLinesAreTheLinesOfToLine(@ForAll @Size(max = 6) List<String> reasons) throws IOException {
    List<BatchResult> results = new ArrayList<>();
    for (int i = 0; i < reasons.size(); i++) {
      results.add(new BatchResult.Rejected(i, i % 2 == 0 ? Optional.of("acct-" + reasons.get(i)) : Optional.empty(),
          reasons.get(i), i % 3 == 0 ? InvalidInputException.of("id", reasons.get(i), "x") : new IllegalStateException("bug")));
    }
    StringWriter streamed = new StringWriter();
    try (RecordWriter<BatchResult> w = DecisionJson.writer(streamed)) {
      results.forEach(w::write);
      assertThat(w.written()).isEqualTo(results.size());
    }
    StringBuilder expected = new StringBuilder();
    for (BatchResult r : results) {
      expected.append(DecisionJson.toLine(r)).append('\n');
    }
    assertThat(streamed.toString()).isEqualTo(expected.toString());
  }

  @Test
  void aRejectedRequestIsOneLine() throws IOException {
    StringWriter streamed = new StringWriter();
    try (RecordWriter<BatchResult> w = DecisionJson.writer(streamed)) {
      w.write(new BatchResult.Rejected(3, Optional.of("acct-9"), "no \"period\"\n", new IllegalStateException("bug")));
    }
    assertThat(streamed.toString())
        .isEqualTo("{\"result\":\"rejected\",\"index\":3,\"accountId\":\"acct-9\",\"reason\":\"no \\\"period\\\"\\n\",\"bug\":true}\n");
  }

  @Test
  void aFailedWriteIsAnUncheckedIoException() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void close() {}
    };
    RecordWriter<BatchResult> w = DecisionJson.writer(broken);
    w.write(new BatchResult.Rejected(0, Optional.of("acct-1"), "r", new IllegalStateException("bug")));
    assertThatThrownBy(w::flush).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10_000; i++) {
        w.write(new BatchResult.Rejected(i, Optional.of("acct-1"), "r", new IllegalStateException("bug")));
      }
    }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
  }
}
