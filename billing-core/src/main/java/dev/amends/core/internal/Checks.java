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

  /**
   * Fails unless the text is non-blank and one line of plain text: no control character (any
   * {@link Character#isISOControl(char)}, so no tab, line feed or carriage return), no line or
   * paragraph separator (U+2028, U+2029) and no bidirectional formatting character (U+061C,
   * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). Such characters in an id or a reason
   * could forge lines of a decision's explanation. The value in the message shows each of them
   * escaped as a backslash, {@code u} and four hex digits, so the message itself stays one line.
   *
   * @param field the field's path, not null
   * @param value the text
   * @return the text, unchanged
   * @throws InvalidInputException if the text is null, blank or holds such a character
   */
  public static String notBlank(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank", "\"" + escaped(value) + "\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isForbidden(c)) {
        throw InvalidInputException.of(field,
            "must be one line without control, line-separator or bidirectional-override characters (found "
                + escape(c) + " at index " + i + ")",
            "\"" + escaped(value) + "\"");
      }
    }
    return value;
  }

  /**
   * Fails unless the text is a valid identifier: as {@link #notBlank(String, String)}, non-blank
   * and one line without control, line-separator or bidirectional formatting characters. Used for
   * every id that a decision shows: account, subscription, plan, outage, claim, tags.
   *
   * <pre>{@code
   * Checks.id("account.id", "acct-42");       // "acct-42"
   * Checks.id("account.id", "acct\nFAKE");    // account.id must be one line ... (a line feed)
   * }</pre>
   *
   * @param field the field's path, not null
   * @param value the id
   * @return the id, unchanged
   * @throws InvalidInputException naming the field and the escaped value
   */
  public static String id(String field, String value) {
    return notBlank(field, value);
  }

  /** True for the characters {@link #notBlank(String, String)} rejects. */
  static boolean isForbidden(char c) {
    return Character.isISOControl(c)
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || c == 0x061c || c == 0x200e || c == 0x200f // bidi marks
        || (c >= 0x202a && c <= 0x202e) // bidi embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069); // bidi isolates
  }

  /** The text with every forbidden character written as a backslash-u escape (six characters), for messages. */
  public static String escaped(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(isForbidden(c) ? escape(c) : String.valueOf(c));
    }
    return sb.toString();
  }

  private static String escape(char c) {
    return String.format("\\u%04x", (int) c);
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
