package dev.amends.rules.json;

import static dev.amends.rules.json.RecordHostileInputTest.SAMPLE;
import static dev.amends.rules.json.RecordStreamTest.STORY_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Account;
import dev.amends.core.money.Ratio;
import dev.amends.core.telemetry.TelemetrySample;
import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The edges of record streams: a reader closes its source, looking ahead reads no line twice, the
 * limits of a line and of a decimal's digits sit exactly where the format says, and a value of the
 * wrong shape gives its one problem.
 */
class RecordStreamEdgesTest {
  /** The problems of one telemetry line, as text. */
  static List<String> telemetryProblems(String line) {
    try {
      RecordFormat.TELEMETRY.fromLine(line);
    } catch (JsonDocumentException e) {
      return e.problems().stream().map(JsonProblem::toString).toList();
    }
    throw new AssertionError("the line was read: " + line);
  }

  static List<String> accountProblems(String line) {
    try {
      RecordFormat.ACCOUNTS.fromLine(line);
    } catch (JsonDocumentException e) {
      return e.problems().stream().map(JsonProblem::toString).toList();
    }
    throw new AssertionError("the line was read: " + line);
  }

  @Test
  void closingAReaderOrItsStreamClosesTheSource() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    var source = new FilterReader(new StringReader(STORY_ACCOUNT)) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    RecordFormat.ACCOUNTS.reader(source, "chars").close();
    assertThat(closed).isTrue();

    closed.set(false);
    var bytes = new ByteArrayInputStream(STORY_ACCOUNT.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    try (var lines = RecordFormat.ACCOUNTS.reader(bytes, "bytes").stream()) {
      assertThat(lines.count()).isEqualTo(1);
    }
    assertThat(closed).isTrue();
  }

  @Test
  void askingTwiceWhetherThereIsALineReadsNoLineTwice() {
    RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(
        new StringReader(STORY_ACCOUNT + "\n" + STORY_ACCOUNT.replace("acct-c2", "acct-x")), "chars");

    assertThat(in.hasNext()).isTrue();
    assertThat(in.hasNext()).isTrue();
    assertThat(((RecordLine.Accepted<Account>) in.next()).record().id()).isEqualTo("acct-c2");
    assertThat(((RecordLine.Accepted<Account>) in.next()).record().id()).isEqualTo("acct-x");
    assertThat(in.hasNext()).isFalse();
    assertThatThrownBy(in::next).isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessage("no more lines in chars");
  }

  @Test
  void aWriterFlushesItsOutput() throws IOException {
    AtomicBoolean flushed = new AtomicBoolean();
    StringWriter text = new StringWriter() {
      @Override
      public void flush() {
        flushed.set(true);
      }
    };
    RecordWriter<TelemetrySample> out = RecordFormat.TELEMETRY.writer(text);
    out.write(RecordFormat.TELEMETRY.fromLine(SAMPLE));
    out.flush();

    assertThat(flushed).isTrue();
    assertThat(text).hasToString(SAMPLE + "\n");
  }

  @Test
  void aLineOfOneCharacterMoreThanTheLimitIsRefusedByLengthAlone() {
    String over = " ".repeat(Json.MAX_LINE_LENGTH + 1);

    assertThatThrownBy(() -> RecordFormat.ACCOUNTS.fromLine(over)).isInstanceOfSatisfying(JsonDocumentException.class,
        e -> assertThat(e.problems()).map(JsonProblem::toString)
            .containsExactly("/: (line) is longer than 1048576 characters"));
  }

  @Test
  void aLineAtTheLimitIsReadAsJson() {
    // 1,048,576 characters: the account line padded with spaces after its closing brace
    String at = STORY_ACCOUNT + " ".repeat(Json.MAX_LINE_LENGTH - STORY_ACCOUNT.length());

    assertThat(at).hasSize(1_048_576);
    assertThat(RecordFormat.ACCOUNTS.fromLine(at).id()).isEqualTo("acct-c2");
  }

  @Test
  void formatsAreNamedForPeople() {
    assertThat(RecordFormat.ISSUED_CREDITS.name()).isEqualTo("issued credits");
    assertThat(RecordFormat.ISSUED_CREDITS.kind()).isEqualTo("issued-credits");
    assertThat(RecordFormat.ISSUED_CREDITS).hasToString("issued credits (NDJSON)");
  }

  @Test
  void charactersThatStartWithAByteSwappedMarkAreToldOnce() {
    List<RecordLine<Account>> lines = RecordFormat.ACCOUNTS
        .reader(new StringReader("\uFFFE" + STORY_ACCOUNT + "\n" + STORY_ACCOUNT), "chars").stream().toList();

    assertThat(lines).singleElement().isInstanceOfSatisfying(RecordLine.Rejected.class, r ->
        assertThat(r.problem().problems()).singleElement().extracting(JsonProblem::message).asString()
            .startsWith("is text whose first character is U+FFFE, a byte-swapped byte-order mark (UTF-16 decoded in"
                + " the wrong byte order), not UTF-8"));
  }

  @Test
  void oneCharacterIsAnOrdinaryLine() {
    List<RecordLine<Account>> lines = RecordFormat.ACCOUNTS.reader(new StringReader("x"), "chars").stream().toList();

    assertThat(lines).singleElement().isInstanceOfSatisfying(RecordLine.Rejected.class, r ->
        assertThat(r.problem().problems()).singleElement().extracting(JsonProblem::message).asString()
            .startsWith("is not valid JSON"));
  }

  @Test
  void bytesThatStartWithTwoNulsAreToldAsUtf32OrBinary() {
    byte[] utf32 = (STORY_ACCOUNT + "\n").getBytes(java.nio.charset.Charset.forName("UTF-32BE"));

    List<RecordLine<Account>> lines = RecordFormat.ACCOUNTS.reader(new ByteArrayInputStream(utf32), "bytes")
        .stream().toList();

    assertThat(lines).singleElement().isInstanceOfSatisfying(RecordLine.Rejected.class, r ->
        assertThat(r.problem().problems()).singleElement().extracting(JsonProblem::message).asString()
            .startsWith("is UTF-32 or binary (it starts with two NUL bytes), not UTF-8"));
  }

  @Test
  void aCarriageReturnBeforeTheLineEndIsDroppedFromCharactersAndBytes() {
    String text = STORY_ACCOUNT + "\r\n" + STORY_ACCOUNT + "\r";

    assertThat(RecordFormat.ACCOUNTS.reader(new StringReader(text), "chars").stream())
        .allSatisfy(l -> assertThat(l).isInstanceOf(RecordLine.Accepted.class)).hasSize(2);
    assertThat(RecordFormat.ACCOUNTS.reader(new ByteArrayInputStream(text.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), "bytes").stream())
        .allSatisfy(l -> assertThat(l).isInstanceOf(RecordLine.Accepted.class)).hasSize(2);
  }

  @Test
  void aScopeThatIsNotAStringIsThatOnlyProblem() {
    assertThat(telemetryProblems(SAMPLE.replace("\"api\"", "5"))).containsExactly("/scope: 5 is not a string");
  }

  @Test
  void anErrorRateThatIsNotADecimalIsThatOnlyProblem() {
    String rate = "{\"scope\":\"api\",\"window\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-01-01T00:01:00Z\"},"
        + "\"errorRate\":\"high\"}";

    assertThat(telemetryProblems(rate)).containsExactly("/errorRate: \"high\" is not a decimal");
  }

  /** A decimal text is at most 64 characters: "0." and 62 zeros is zero; one zero more is refused. */
  @Test
  void aDecimalTextOf64CharactersIsReadAnd65AreNot() {
    String rate = "{\"scope\":\"api\",\"window\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-01-01T00:01:00Z\"},"
        + "\"errorRate\":\"%s\"}";
    String zero64 = "0." + "0".repeat(62);

    assertThat(RecordFormat.TELEMETRY.fromLine(rate.formatted(zero64)).errorRate()).hasValue(Ratio.of(0, 1));
    assertThat(telemetryProblems(rate.formatted(zero64 + "0")))
        .containsExactly("/errorRate: \"" + zero64 + "0\" is not a decimal");
  }

  /** At most 12 digits after the point: 12 are read, 13 refused, trailing zeros not counted. */
  @Test
  void aDecimalMayHaveTwelveFractionDigits() {
    String rate = "{\"scope\":\"api\",\"window\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2024-01-01T00:01:00Z\"},"
        + "\"errorRate\":\"%s\"}";

    assertThat(RecordFormat.TELEMETRY.fromLine(rate.formatted("0.123456789012")).errorRate())
        .hasValue(Ratio.of(new BigDecimal("0.123456789012")));
    assertThat(RecordFormat.TELEMETRY.fromLine(rate.formatted("0.5000000000000")).errorRate())
        .hasValue(Ratio.of(1, 2));
    assertThat(telemetryProblems(rate.formatted("0.1234567890123"))).containsExactly(
        "/errorRate: \"0.1234567890123\" has more than 12 digits after the decimal point");
  }

  /** At most 18 digits before the point: a price of 18 digits is read, of 19 refused. */
  @Test
  void aDecimalMayHaveEighteenIntegerDigits() {
    String jpy = STORY_ACCOUNT.replace("\"currency\":\"USD\"", "\"currency\":\"JPY\"");

    assertThat(RecordFormat.ACCOUNTS.fromLine(jpy.replace("\"20.00\"", "\"123456789012345678\"")).subscriptions()
        .get(0).prices().prices().get(0).amount()).isEqualTo(org.joda.money.Money.parse("JPY 123456789012345678"));
    assertThat(accountProblems(jpy.replace("\"20.00\"", "\"1234567890123456789\""))).containsExactly(
        "/subscriptions/0/prices/0/amount/amount: \"1234567890123456789\" has more than 18 digits before the decimal"
            + " point");
  }

  @Test
  void anExponentBeyondIntIsOutOfRange() {
    assertThat(accountProblems(STORY_ACCOUNT.replace("\"20.00\"", "\"1e9999999999\""))).containsExactly(
        "/subscriptions/0/prices/0/amount/amount: \"1e9999999999\" is not a decimal within range");
  }

  @Test
  void plainDecimalTextsAreReadAndMalformedOnesRefused() {
    // "20", "0.5" and "-0.5" are plain; "020", "20.", ".5", "-", "2e1" are not plain, "2e1" is a decimal (20)
    assertThat(RecordFormat.ACCOUNTS.fromLine(STORY_ACCOUNT.replace("\"20.00\"", "\"2e1\"")).subscriptions().get(0)
        .prices().prices().get(0).amount()).isEqualTo(org.joda.money.Money.parse("USD 20.00"));
    for (String bad : List.of("020", "20.", ".5", "-", "", "2.0.0", "2a")) {
      assertThat(accountProblems(STORY_ACCOUNT.replace("\"20.00\"", "\"" + bad + "\""))).as(bad).containsExactly(
          "/subscriptions/0/prices/0/amount/amount: \"" + bad + "\" is not a decimal");
    }
  }

  @Test
  void aSubscriptionMayHaveOneSeatButNotNone() {
    String seats = STORY_ACCOUNT.replace("\"placements\"", "\"seats\":%s,\"placements\"");

    assertThat(RecordFormat.ACCOUNTS.fromLine(seats.formatted("1")).subscriptions().get(0).seats()).isEqualTo(1);
    assertThat(RecordFormat.ACCOUNTS.fromLine(seats.formatted("2147483647")).subscriptions().get(0).seats())
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(accountProblems(seats.formatted("0")))
        .containsExactly("/subscriptions/0/seats: 0 is not in [1, 2147483647]");
    assertThat(accountProblems(seats.formatted("2147483648")))
        .containsExactly("/subscriptions/0/seats: 2147483648 is not in [1, 2147483647]");
  }

  @Test
  void placementsThatAreNotAnArrayAreThatOnlyProblem() {
    assertThat(accountProblems(STORY_ACCOUNT.replace("[\"grid/cluster-2\"]", "\"grid/cluster-2\"")))
        .containsExactly("/subscriptions/0/placements: \"grid/cluster-2\" is not an array");
  }

  @Test
  void aDocumentExceptionNeedsAProblem() {
    assertThatThrownBy(() -> new JsonDocumentException("policy document", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a JsonDocumentException needs at least one problem");
  }
}
