package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionJson#writer(OutputStream)} writes decisions without traces straight into bytes
 * when their strings need no escape, and every other result through Jackson: either way the bytes
 * of {@link DecisionJson#writer(Writer)} over a UTF-8 writer, which is {@link
 * DecisionJson#toLine(BatchResult)} and a line end per result.
 */
class DecisionJsonBytesTest {
  static final BillingPeriod MARCH = BillingPeriod.month(YearMonth.of(2026, 3), ZoneId.of("America/New_York"));
  static final Instant AT = Instant.parse("2026-04-01T04:00:00Z");

  /** The bytes the writer of characters gives, through a UTF-8 encoder. */
  static byte[] throughCharacters(List<BatchResult> results) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordWriter<BatchResult> w = DecisionJson.writer(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      results.forEach(w::write);
    }
    return bytes.toByteArray();
  }

  static byte[] throughBytes(List<BatchResult> results) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RecordWriter<BatchResult> w = DecisionJson.writer(bytes)) {
      results.forEach(w::write);
      assertThat(w.written()).isEqualTo(results.size());
    }
    return bytes.toByteArray();
  }

  static CreditLine line(String key, Money amount, String sub, String rulePath, List<String> outages, String reason,
      Optional<Ratio> days, Optional<Instant> extendsTo) {
    return new CreditLine(key, amount.isNegative() ? CreditLine.Kind.CLAWBACK : CreditLine.Kind.CREDIT, amount, days,
        extendsTo, "acct", sub, MARCH, "fleet-sla", 3, "sha256:65d4", rulePath, outages, reason);
  }

  @Test
  void aFleetDecisionIsWrittenAsJacksonWritesIt() throws IOException {
    CreditDecision d = new CreditDecision("acct-0000001", MARCH, AT, List.of(
        line("cr-acf29b61", Money.parse("USD 6.48"), "sub-0000001", "sla/best/blocks", List.of("OUT-003076", "OUT-007169"),
            "16.6667 min down = 1 started block(s) of 30 min x 5 % = 5 % of USD 129.50", Optional.empty(), Optional.empty())),
        Set.of(), List.of(), null, List.of());
    List<BatchResult> results = List.of(new BatchResult.Decided(1, d));

    byte[] bytes = throughBytes(results);

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"result\":\"decided\",\"index\":1,"
        + "\"accountId\":\"acct-0000001\",\"period\":{\"start\":\"2026-03-01\",\"end\":\"2026-04-01\","
        + "\"zone\":\"America/New_York\",\"months\":1},\"evaluatedAt\":\"2026-04-01T04:00:00Z\",\"lines\":[{"
        + "\"key\":\"cr-acf29b61\",\"kind\":\"CREDIT\",\"amount\":{\"amount\":\"6.48\",\"currency\":\"USD\"},"
        + "\"subscriptionId\":\"sub-0000001\",\"policy\":{\"id\":\"fleet-sla\",\"version\":3,\"digest\":\"sha256:65d4\"},"
        + "\"rulePath\":\"sla/best/blocks\",\"outageIds\":[\"OUT-003076\",\"OUT-007169\"],"
        + "\"reason\":\"16.6667 min down = 1 started block(s) of 30 min x 5 % = 5 % of USD 129.50\"}],"
        + "\"totals\":[{\"amount\":\"6.48\",\"currency\":\"USD\"}],\"flags\":[],\"warnings\":[],\"carriedForward\":[]}\n");
    assertThat(bytes).isEqualTo(throughCharacters(results));
  }

  @Test
  void aReasonWithAQuoteAndAnAccentIsEscapedAndEncodedAsJacksonDoes() throws IOException {
    CreditDecision d = new CreditDecision("acct-é", MARCH, AT, List.of(
        line("cr-1", Money.parse("EUR 2.00"), "sub-1", "sla", List.of(), "\"downtime\"\t→ 2 €", Optional.empty(),
            Optional.empty())), Set.of(), List.of(), null, List.of());
    List<BatchResult> results = List.of(new BatchResult.Decided(0, d));

    byte[] bytes = throughBytes(results);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"accountId\":\"acct-é\"").contains("\"reason\":\"\\\"downtime\\\"\\t→ 2 €\"");
    assertThat(bytes).isEqualTo(throughCharacters(results));
  }

  @Test
  void aFailedWriteIsAnUncheckedIoExceptionAndAFailedFlushAnIoException() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
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

  /** Mostly plain ids and texts, as a fleet's; sometimes any text, escapes, non-ASCII and lone surrogates included. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars('-', '/', '.', ':').ofMinLength(1).ofMaxLength(20)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
  }

  @Provide
  Arbitrary<Money> amounts() {
    return Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.JPY, CurrencyUnit.of("BHD"), CurrencyUnit.EUR)
        .flatMap(c -> Arbitraries.longs().between(-10_000_000, 10_000_000).map(m -> Money.ofMinor(c, m)));
  }

  @Property(tries = 300)
  void anyResultIsWrittenAsTheWriterOfCharactersWritesIt(
      @ForAll @Size(max = 40) List<@From("texts") String> texts, @ForAll @Size(max = 12) List<@From("amounts") Money> amounts,
      @ForAll Set<DecisionFlag> flags) throws IOException {
    List<BatchResult> results = new ArrayList<>();
    int t = 0;
    for (int i = 0; i < amounts.size(); i += 3) {
      List<CreditLine> lines = new ArrayList<>();
      for (int j = i; j < Math.min(amounts.size(), i + 3); j++) {
        lines.add(line(text(texts, t++), amounts.get(j), text(texts, t++), text(texts, t++),
            List.of(text(texts, t++), text(texts, t++)), text(texts, t++),
            j % 2 == 0 ? Optional.of(Ratio.of(j + 1, 3)) : Optional.empty(),
            j % 3 == 1 ? Optional.of(AT.plusSeconds(86_400L * j)) : Optional.empty()));
      }
      List<CarriedCredit> carried = new ArrayList<>();
      if (i % 2 == 1) {
        carried.add(new CarriedCredit("sub-" + i, "fleet-sla", "sla/cap", Money.parse("USD 1.50")));
      }
      results.add(new BatchResult.Decided(i * 1_000_003L, new CreditDecision(text(texts, t++), MARCH, AT, lines,
          flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags), i % 4 == 0 ? List.of(text(texts, t++)) : List.of(), null,
          carried)));
      if (i % 5 == 0) {
        results.add(new BatchResult.Rejected(i, Optional.of(text(texts, t++)), text(texts, t++),
            InvalidInputException.of("id", text(texts, t++), "x")));
      }
    }

    assertThat(throughBytes(results)).isEqualTo(throughCharacters(results));
  }

  private static String text(List<String> texts, int i) {
    return texts.isEmpty() ? "id" : texts.get(i % texts.size());
  }
}
