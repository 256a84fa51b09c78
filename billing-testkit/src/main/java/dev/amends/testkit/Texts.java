package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** How the testkit reads the short texts scenarios and assertions are written in. */
final class Texts {
  private Texts() {}

  /**
   * An instant written as {@code 2007-12-01T05:00:00Z}, with an offset ({@code
   * 2007-12-01T00:00-05:00}), as a local date-time in the zone ({@code 2007-12-01T00:00}) or as a
   * local date meaning its start ({@code 2007-12-01}). A local time that a daylight-saving change
   * skips or repeats is refused: it names no single instant.
   */
  static Instant instant(String field, String text, ZoneId zone) {
    notNull(field, text);
    String t = text.strip();
    try {
      if (t.endsWith("Z") || t.endsWith("z")) {
        return OffsetDateTime.parse(t.substring(0, t.length() - 1) + "Z").toInstant();
      }
      if (t.length() > 16 && (t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10)) {
        return OffsetDateTime.parse(t).toInstant();
      }
      LocalDateTime local = t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
      List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
      if (offsets.size() != 1) {
        throw InvalidInputException.of(field,
            (offsets.isEmpty() ? "is skipped" : "is repeated") + " by a daylight-saving change in " + zone
                + "; write it with an offset, such as " + local + "Z",
            text);
      }
      return local.toInstant(offsets.get(0));
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field,
          "is not an instant (2007-12-01T05:00:00Z), a local date-time (2007-12-01T00:00) or a date (2007-12-01)",
          text);
    }
  }

  /** Money written as {@code USD 20.00}, or as {@code 20.00} in a default currency. */
  static Money money(String field, String text, CurrencyUnit defaultCurrency) {
    notNull(field, text);
    String t = text.strip();
    try {
      if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
        return Money.parse(t);
      }
      if (defaultCurrency == null) {
        throw InvalidInputException.of(field, "needs a currency, such as \"USD " + t + "\"", text);
      }
      return Money.of(defaultCurrency, new BigDecimal(t));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw InvalidInputException.of(field, "is not money such as \"USD 20.00\" (" + e.getMessage() + ")", text);
    }
  }

  /** A plain decimal such as {@code 99.95}. */
  static BigDecimal decimal(String field, String text) {
    notNull(field, text);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "is not a plain decimal such as \"99.95\"", text);
    }
  }

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null", null);
    }
    return value;
  }
}
