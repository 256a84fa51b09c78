package dev.amends.rules.json;

import dev.amends.core.internal.Checks;
import dev.amends.core.money.Ratio;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.joda.money.Money;
import org.threeten.extra.Interval;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one kind of record is read from and written to a JSON object, with the shapes records share
 * (windows, money, ratios, sorted string sets).
 *
 * @param <T> the record type
 */
interface RecordCodec<T> {
  /**
   * Reads the record from its object, recording every problem in {@code fields}.
   *
   * @return the record, or null after a problem
   */
  T read(RecordFields fields);

  /** Writes the record's fields into an empty object, in a fixed order. */
  void write(T value, ObjectNode out);

  /**
   * A half-open window {@code {"start": ..., "end": ...}}; {@code end} is optional when {@code
   * open} and then means open-ended ({@link Instant#MAX}). The end before the start is a problem
   * at {@code <name>/end}.
   */
  static Interval window(RecordFields fields, String name, boolean open) {
    RecordFields w = fields.object(name);
    if (w == null) {
      return null;
    }
    int before = w.problemCount();
    w.allowOnly(RecordFields.WINDOW_FIELDS);
    Instant start = w.instant("start");
    Instant end = open ? w.optionalInstant("end").orElse(Instant.MAX) : w.instant("end");
    return w.build(before, () -> Checks.window("window", start, end));
  }

  /** Writes a window; an open end ({@link Instant#MAX}) is left out. */
  static void window(ObjectNode out, String name, Interval window) {
    ObjectNode w = out.putObject(name);
    w.put("start", window.getStart().toString());
    if (!window.isUnboundedEnd()) {
      w.put("end", window.getEnd().toString());
    }
  }

  /** Writes money as {@code {"amount": "12.50", "currency": "USD"}}, the amount at the currency's scale ({@link MoneyJson}). */
  static void money(ObjectNode out, String name, Money money) {
    money(out.putObject(name), money);
  }

  /** Writes money's two fields into an object. */
  static void money(ObjectNode m, Money money) {
    m.setAll(MoneyJson.node(money));
  }

  /** Writes a ratio exactly, as {@code "n/d"} or {@code "n"}. */
  static void ratio(ObjectNode out, String name, Ratio ratio) {
    out.put(name, ratio.toString());
  }

  /** Writes an optional string if present. */
  static void optional(ObjectNode out, String name, Optional<?> value) {
    value.ifPresent(v -> out.put(name, v.toString()));
  }

  /** Writes strings sorted, so that a set is written the same whatever its order; nothing if empty. */
  static void sorted(ObjectNode out, String name, Collection<?> values) {
    if (!values.isEmpty()) {
      ArrayNode a = out.putArray(name);
      values.stream().map(Object::toString).sorted().forEach(a::add);
    }
  }

  /** Writes strings in their order; nothing if empty. */
  static void inOrder(ObjectNode out, String name, Collection<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = out.putArray(name);
      values.forEach(a::add);
    }
  }
}
