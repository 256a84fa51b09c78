package dev.amends.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.threeten.extra.Interval;

class ChecksTest {
  private static final Instant T0 = Instant.parse("2007-12-01T05:00:00Z");
  private static final Instant T1 = Instant.parse("2007-12-01T11:00:00Z");

  @Test
  void passesGoodValuesThrough() {
    assertThat(Checks.notNull("f", "x")).isEqualTo("x");
    assertThat(Checks.notBlank("f", "x")).isEqualTo("x");
    assertThat(Checks.notEmpty("f", List.of(1))).containsExactly(1);
    assertThat(Checks.notNegative("f", Duration.ZERO)).isZero();
    assertThat(Checks.positive("f", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Checks.notNegative("f", 0L)).isZero();
    assertThat(Checks.positive("f", 1L)).isEqualTo(1L);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "acct\nFAKE", "acct\r", "a\tb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b",
      "a\u202eb", "a\u2066b", "a\u200fb", "a\u061cb"})
  void rejectsIdsWithControlLineBreakOrBidiCharactersShowingThemEscaped(String id) {
    assertThatThrownBy(() -> Checks.id("account.id", id))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("account.id");
          assertThat(e.rule()).startsWith("must be one line without control");
          assertThat(e.value()).startsWith("\"a").matches("\"[^\\p{Cntrl}\u2028\u2029\u202e\u2066\u200f\u061c]*\"");
          assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u2028");
        });
    assertThatThrownBy(() -> Checks.notBlank("outcome.reason", id)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void escapesALineFeedInTheValueItShows() {
    assertThatThrownBy(() -> Checks.id("account.id", "acct\nFAKE"))
        .hasMessage("account.id must be one line without control, line-separator or bidirectional-override"
            + " characters (found \\u000a at index 4): \"acct\\u000aFAKE\"");
  }

  @Test
  void takesIdsInAnyScriptAndWithInnerSpaces() {
    assertThat(Checks.id("account.id", "Zürich 東京-1")).isEqualTo("Zürich 東京-1");
  }

  @Test
  void namesTheFieldTheRuleAndTheValue() {
    assertThatThrownBy(() -> Checks.notNull("account.id", null)).hasMessage("account.id is required: null");
    assertThatThrownBy(() -> Checks.notBlank("account.id", " ")).hasMessage("account.id must not be blank: \" \"");
    assertThatThrownBy(() -> Checks.notEmpty("outage.scopes", List.of())).hasMessage("outage.scopes must not be empty: []");
    assertThatThrownBy(() -> Checks.notNegative("rules.minimum", Duration.ofMinutes(-5)))
        .hasMessage("rules.minimum must not be negative: PT-5M");
    assertThatThrownBy(() -> Checks.positive("rules.slice", Duration.ZERO)).hasMessage("rules.slice must be positive: PT0S");
    assertThatThrownBy(() -> Checks.positive("rules.slice", Duration.ofSeconds(-1)))
        .hasMessage("rules.slice must be positive: PT-1S");
    assertThatThrownBy(() -> Checks.notNegative("count", -1L)).hasMessage("count must not be negative: -1");
    assertThatThrownBy(() -> Checks.positive("count", 0L)).hasMessage("count must be positive: 0");
    assertThatThrownBy(() -> Checks.sameCurrency("price", CurrencyUnit.USD, CurrencyUnit.EUR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("price must be in USD: EUR");
  }

  @Test
  void buildsAHalfOpenWindowAllowingEmptyButNotReversed() {
    assertThat(Checks.window("outage.window", T0, T1)).isEqualTo(Interval.of(T0, T1));
    assertThat(Checks.window("outage.window", T0, T0).isEmpty()).isTrue();
    assertThatThrownBy(() -> Checks.window("outage.window", T1, T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("outage.window.end");
          assertThat(e.getMessage())
              .isEqualTo("outage.window.end is before start: start=2007-12-01T11:00:00Z, end=2007-12-01T05:00:00Z");
        });
    assertThatThrownBy(() -> Checks.window("outage.window", null, T1)).hasMessage("outage.window.start is required: null");
    assertThatThrownBy(() -> Checks.window("outage.window", T0, null)).hasMessage("outage.window.end is required: null");
  }

  @Test
  void translatesImmutablesMissingAttributesIntoTheFirstMissingField() {
    IllegalStateException e = new IllegalStateException(
        "Cannot build Outage, some of required attributes are not set [id, window]");

    assertThat(Checks.missing("outage", e)).hasMessage("outage.id is required: not set");
    assertThat(Checks.missing("outage", new IllegalStateException("something else")))
        .hasMessage("outage is incomplete: something else");
  }
}
