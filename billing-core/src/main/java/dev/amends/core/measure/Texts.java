package dev.amends.core.measure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.threeten.extra.Interval;

/** Durations, instants and windows written for a person, as the explanations use them. */
final class Texts {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm'Z'");

  private Texts() {}

  /** Such as {@code 13h}, {@code 6h 30m}, {@code 4m 10s}, {@code 1.5s} or {@code 0s}. */
  static String duration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    d = d.abs();
    List<String> parts = new ArrayList<>();
    long hours = d.toHours();
    if (hours > 0) {
      parts.add(hours + "h");
    }
    if (d.toMinutesPart() > 0) {
      parts.add(d.toMinutesPart() + "m");
    }
    if (d.toSecondsPart() > 0 || d.toNanosPart() > 0) {
      parts.add(d.toNanosPart() == 0 ? d.toSecondsPart() + "s"
          : new java.math.BigDecimal(d.toSecondsPart() + "." + String.format("%09d", d.toNanosPart()))
              .stripTrailingZeros().toPlainString() + "s");
    }
    return sign + String.join(" ", parts);
  }

  /** Such as {@code 2007-12-01T05:00Z}, or the full ISO form when it has seconds. */
  static String instant(Instant t) {
    if (t.getEpochSecond() % 60 == 0 && t.getNano() == 0 && !t.equals(Instant.MIN) && !t.equals(Instant.MAX)) {
      try {
        return MINUTE.format(t.atOffset(ZoneOffset.UTC));
      } catch (java.time.DateTimeException e) {
        return t.toString();
      }
    }
    return t.toString();
  }

  /** Such as {@code 2007-12-01T05:00Z–11:00Z}; the end's date is written when it differs. */
  static String window(Interval w) {
    String start = instant(w.getStart());
    String end = instant(w.getEnd());
    if (start.length() == 17 && end.length() == 17) {
      LocalDate a = LocalDate.ofInstant(w.getStart(), ZoneOffset.UTC);
      LocalDate b = LocalDate.ofInstant(w.getEnd(), ZoneOffset.UTC);
      if (a.equals(b)) {
        end = TIME.format(w.getEnd().atOffset(ZoneOffset.UTC));
      }
    }
    return start + "–" + end;
  }

  /** Such as {@code 10 days ahead}, {@code 1 day ahead} or {@code 36h ahead}. */
  static String ahead(Duration notice) {
    if (!notice.isNegative() && !notice.isZero() && notice.getNano() == 0 && notice.getSeconds() % 86_400 == 0) {
      long days = notice.toDays();
      return days + (days == 1 ? " day" : " days") + " ahead";
    }
    return duration(notice) + " ahead";
  }
}
