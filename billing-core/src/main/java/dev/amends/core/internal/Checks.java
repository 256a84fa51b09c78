package dev.amends.core.internal;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.joda.money.CurrencyUnit;
import org.threeten.extra.Interval;

/** Validation helpers that raise {@link InvalidInputException} naming field, value and rule. */
public final class Checks {
  private Checks() {}

  /** Fails unless {@code value} is not null. */
  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw InvalidInputException.of(field, "is required", "null");
    }
    return value;
  }

  /** Fails unless the text is non-blank. */
  public static String notBlank(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank", "\"" + value + "\"");
    }
    return value;
  }

  /** Fails unless the collection is non-empty. */
  public static <C extends Collection<?>> C notEmpty(String field, C value) {
    notNull(field, value);
    if (value.isEmpty()) {
      throw InvalidInputException.of(field, "must not be empty", value);
    }
    return value;
  }

  /** Fails unless the duration is zero or positive. */
  public static Duration notNegative(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative()) {
      throw InvalidInputException.of(field, "must not be negative", value);
    }
    return value;
  }

  /** Fails unless the duration is strictly positive. */
  public static Duration positive(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw InvalidInputException.of(field, "must be positive", value);
    }
    return value;
  }

  /** Fails unless {@code value >= 0}. */
  public static long notNegative(String field, long value) {
    if (value < 0) {
      throw InvalidInputException.of(field, "must not be negative", value);
    }
    return value;
  }

  /** Fails unless {@code value > 0}. */
  public static long positive(String field, long value) {
    if (value <= 0) {
      throw InvalidInputException.of(field, "must be positive", value);
    }
    return value;
  }

  /** Fails unless the currency is the expected one. */
  public static void sameCurrency(String field, CurrencyUnit expected, CurrencyUnit actual) {
    if (!expected.equals(actual)) {
      throw InvalidInputException.of(field, "must be in " + expected, actual);
    }
  }

  /**
   * Builds a half-open window, failing with a message that names both ends when the end is
   * before the start.
   */
  public static Interval window(String field, Instant startInclusive, Instant endExclusive) {
    notNull(field + ".start", startInclusive);
    notNull(field + ".end", endExclusive);
    if (endExclusive.isBefore(startInclusive)) {
      throw InvalidInputException.of(
          field + ".end", "is before start", "start=" + startInclusive + ", end=" + endExclusive);
    }
    return Interval.of(startInclusive, endExclusive);
  }

  /**
   * Translates Immutables' "some of required attributes are not set [a, b]" into an
   * {@link InvalidInputException} naming the first missing field under {@code type}.
   */
  public static InvalidInputException missing(String type, IllegalStateException e) {
    String msg = String.valueOf(e.getMessage());
    int open = msg.indexOf('[');
    int close = msg.indexOf(']', open + 1);
    if (open >= 0 && close > open) {
      String first = msg.substring(open + 1, close).split(",")[0].trim();
      return InvalidInputException.of(type + "." + first, "is required", "not set");
    }
    return InvalidInputException.of(type, "is incomplete", msg);
  }
}
