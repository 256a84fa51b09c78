package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path gives what {@link Instant#parse} gives, instant or exception, for every text. */
class IsoInstantsTest {
  @Property
  void aWholeSecondInstantReadsAsInstantParseReadsIt(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long second) {
    String text = Instant.ofEpochSecond(second).toString();
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  /** Texts of the fast path's shape with any digits (month 13, 31 April, hour 24, second 60...). */
  @Property(tries = 2000)
  void aTextOfTheShapeReadsOrFailsAsInstantParseDoes(@ForAll("shaped") String text) {
    readsOrFailsAsInstantParseDoes(text);
  }

  @Provide
  Arbitrary<String> shaped() {
    Arbitrary<String> two = Arbitraries.strings().withChars("0123456789").ofLength(2);
    Arbitrary<String> twoOrOdd = Arbitraries.oneOf(two, Arbitraries.of("00", "12", "13", "24", "29", "30", "31", "59", "60", "1a", "-1", " 1"));
    Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789").ofLength(4),
        Arbitraries.of("2024", "2026", "1900", "2000", "0000", "+202"));
    return net.jqwik.api.Combinators.combine(year, twoOrOdd, twoOrOdd, twoOrOdd, twoOrOdd, twoOrOdd)
        .as((y, mo, d, h, mi, s) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + "Z");
  }

  /**
   * Each edge of the fast path's range checks, just inside and just outside: the instant, or the
   * exception and its message, are those of {@link Instant#parse}; a value just outside must not
   * reach {@code LocalDateTime.of}, whose message differs.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2026-00-01T00:00:00Z", "2026-13-01T00:00:00Z",
      "2026-01-00T00:00:00Z", "2026-01-31T00:00:00Z", "2026-01-32T00:00:00Z", "2026-04-30T00:00:00Z",
      "2026-04-31T00:00:00Z", "2026-06-31T00:00:00Z", "2026-09-31T00:00:00Z", "2026-11-31T00:00:00Z",
      "2026-02-28T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2024-02-30T00:00:00Z",
      "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T23:60:00Z",
      "2026-03-01T12:00:60Z", "2026-03-01T09:09:09Z", "2026-03-01T00:00:0aZ", "2026-03-01T00:0/:00Z",
      "2026-03-01T00:00:00z", "2026-03-01t00:00:00Z", "2026/03-01T00:00:00Z", "2026-03/01T00:00:00Z",
      "2026-03-01T00-00:00Z", "2026-03-01T00:00-00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z"})
  void eachEdgeOfTheFastPathReadsOrFailsAsInstantParseDoes(String text) {
    readsOrFailsAsInstantParseDoes(text);
  }

  /** The instant {@link Instant#parse} reads, or its exception: same class, same message. */
  private static void readsOrFailsAsInstantParseDoes(String text) {
    Instant expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeException e) {
      assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
      return;
    }
    assertThat(IsoInstants.parse(text)).isEqualTo(expected);
  }

  @Test
  void aLeapSecondGoesToTheFormatter() {
    // 23:59:60 is read by Instant.parse as the last second of the day; the fast path does not take it
    assertThat(IsoInstants.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
  }

  @Test
  void otherFormsGoToTheFormatter() {
    assertThat(IsoInstants.parse("2026-03-01T00:00:00.5Z")).isEqualTo(Instant.parse("2026-03-01T00:00:00.500Z"));
    assertThat(IsoInstants.parse("2026-03-01T05:00:00+05:00")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThatThrownBy(() -> IsoInstants.parse("2026-02-29T00:00:00Z")).isInstanceOf(DateTimeException.class);
  }
}
