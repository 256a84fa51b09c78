package dev.amends.rules;

import dev.amends.rules.internal.Decimals;
import dev.amends.rules.internal.Texts;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * A named value a rule compared, kept as what it is (an exact availability, an amount of money, a
 * length of time, a percentage, a number, a count, days, or text) and turned into text only when
 * asked ({@link #text()}), never while the rules run.
 *
 * <pre>{@code
 * Outcome.credit(fee.percent(TEN), "availability 99.0591 % < 99.9 % -> 10 % of USD 20.00")
 *     .withValue("availability", TraceValue.availability(m.availability()))   // 99.0591 %
 *     .withValue("fee", TraceValue.money(fee))                                  // USD 20.00
 *     .withValue("downtime", TraceValue.duration(m.downtime()))                 // 420 min
 *     .withValue("note", "goodwill");                                           // text
 * }</pre>
 *
 * <p>Values compare by what they hold: two availabilities are equal when their fractions are, two
 * percentages when their numbers are ({@code 10} and {@code 10.0} are equal). Immutable and
 * thread-safe.
 */
public sealed interface TraceValue {
  /** How the value reads in an explanation, on one line. */
  String text();

  /**
   * An availability, exact.
   *
   * @param availability the fraction of time up, not null
   * @return the value, not null
   */
  static TraceValue availability(Ratio availability) {
    return new Availability(availability);
  }

  /**
   * An amount of money, unrounded.
   *
   * @param amount the amount, not null
   * @return the value, not null
   */
  static TraceValue money(ExactMoney amount) {
    return new Amount(amount);
  }

  /**
   * A length of time, such as a downtime or an allowance.
   *
   * @param length the length, not null
   * @return the value, not null
   */
  static TraceValue duration(Duration length) {
    return new Length(length);
  }

  /**
   * A percentage, such as {@code 10} for ten percent of the fee.
   *
   * @param percent the percentage, not null
   * @return the value, not null
   */
  static TraceValue percent(BigDecimal percent) {
    return new Percent(percent);
  }

  /**
   * A plain number, such as a number of free periods or a multiple.
   *
   * @param number the number, not null
   * @return the value, not null
   */
  static TraceValue number(BigDecimal number) {
    return new Quantity(number);
  }

  /**
   * A count, such as a number of blocks.
   *
   * @param count the count
   * @return the value, not null
   */
  static TraceValue count(long count) {
    return new Count(count);
  }

  /**
   * A number of days, exact.
   *
   * @param days the days, not null
   * @return the value, not null
   */
  static TraceValue days(Ratio days) {
    return new Days(days);
  }

  /**
   * Text; any control, line-separator or bidirectional formatting character is written as a
   * backslash-u escape, so it stays on its line of an explanation.
   *
   * @param text the text, not null
   * @return the value, not null
   */
  static TraceValue text(String text) {
    return new Text(text);
  }

  /**
   * An exact availability; reads as a percentage truncated to 4 decimals: {@code 99.0591 %}.
   *
   * @param value the fraction of time up
   */
  record Availability(Ratio value) implements TraceValue {
    /** Checks the value is present. */
    public Availability {
      Checks.notNull("traceValue.availability", value);
    }

    @Override
    public String text() {
      return Texts.percent(value.toPercent(4, RoundingMode.DOWN));
    }
  }

  /**
   * An unrounded amount of money; reads with up to four digits past the currency's scale: {@code
   * USD 4.516129}.
   *
   * @param value the amount
   */
  record Amount(ExactMoney value) implements TraceValue {
    /** Checks the value is present. */
    public Amount {
      Checks.notNull("traceValue.money", value);
    }

    @Override
    public String text() {
      return Texts.money(value);
    }
  }

  /**
   * A length of time; reads in minutes, exact to 4 decimals: {@code 420 min}.
   *
   * @param value the length
   */
  record Length(Duration value) implements TraceValue {
    /** Checks the value is present. */
    public Length {
      Checks.notNull("traceValue.duration", value);
    }

    @Override
    public String text() {
      return Texts.minutes(value);
    }
  }

  /**
   * A percentage, held without trailing zeros; reads as the plain number: {@code 10}.
   *
   * @param value the percentage
   */
  record Percent(BigDecimal value) implements TraceValue {
    /** Checks the value is present and drops trailing zeros, so {@code 10.0} equals {@code 10}. */
    public Percent {
      value = Decimals.normalized(Checks.notNull("traceValue.percent", value));
    }

    @Override
    public String text() {
      return Decimals.shown(value);
    }
  }

  /**
   * A plain number, held without trailing zeros; reads as the plain number: {@code 1.5}.
   *
   * @param value the number
   */
  record Quantity(BigDecimal value) implements TraceValue {
    /** Checks the value is present and drops trailing zeros, so {@code 2.0} equals {@code 2}. */
    public Quantity {
      value = Decimals.normalized(Checks.notNull("traceValue.number", value));
    }

    @Override
    public String text() {
      return Decimals.shown(value);
    }
  }

  /**
   * A count; reads as the number: {@code 3}.
   *
   * @param value the count
   */
  record Count(long value) implements TraceValue {
    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  /**
   * An exact number of days; reads as the number, to 4 decimals when it does not end sooner:
   * {@code 3}, {@code 1.5}.
   *
   * @param value the days
   */
  record Days(Ratio value) implements TraceValue {
    /** Checks the value is present. */
    public Days {
      Checks.notNull("traceValue.days", value);
    }

    @Override
    public String text() {
      return Texts.number(value);
    }
  }

  /**
   * Text, escaped to one line.
   *
   * @param value the text
   */
  record Text(String value) implements TraceValue {
    /** Checks the value is present and escapes it to one line. */
    public Text {
      value = Checks.escaped(Checks.notNull("traceValue.text", value));
    }

    @Override
    public String text() {
      return value;
    }
  }
}
