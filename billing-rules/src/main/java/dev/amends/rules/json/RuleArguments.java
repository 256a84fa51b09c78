package dev.amends.rules.json;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;

/**
 * The fields of one rule node of a type you registered ({@link RuleTypes}), for your factory to
 * build the rule from: {@code {"kind": "loyalty", "id": "loyalty", "minimum": "PT1H", "percent": 5}}.
 *
 * <p>Each getter reads a required field, exactly as the standard rules' fields are read (decimals
 * never through binary floating point). A field that is missing, null or of the wrong type is reported
 * with its pointer and the getter returns {@code null} (or {@code 0}, {@code false}); the rule your
 * factory then builds, or the exception it throws, is discarded, and the document is rejected
 * with every problem. Fields your factory does not read are reported as unknown. Use only during
 * the factory call; not thread-safe.
 */
public final class RuleArguments {
  private final Walk.Obj object;

  RuleArguments(Walk.Obj object) {
    this.object = object;
  }

  /** The node's id (the {@code "id"} field). */
  public String id() {
    return string("id");
  }

  /** Whether the field is present and not null: for optional parameters. */
  public boolean has(String name) {
    object.raw(name);
    return object.has(name);
  }

  /** A string field. */
  public String string(String name) {
    return object.required(name, Walk.STRING);
  }

  /** A list of strings. */
  public List<String> strings(String name) {
    return object.required(name, Walk.list(Walk.STRING));
  }

  /** A decimal, from a JSON number or a string such as {@code "99.95"}, in its shortest form. */
  public BigDecimal decimal(String name) {
    return object.required(name, Walk.DECIMAL);
  }

  /** A whole number in {@code int} range; {@code 0} if it is bad (then the document is rejected). */
  public int integer(String name) {
    Integer i = object.required(name, Walk.INT);
    return i == null ? 0 : i;
  }

  /** {@code true} or {@code false}; {@code false} if it is bad (then the document is rejected). */
  public boolean bool(String name) {
    return Boolean.TRUE.equals(object.required(name, Walk.BOOLEAN));
  }

  /** An ISO 8601 duration such as {@code "PT30M"}. */
  public Duration duration(String name) {
    return object.required(name, Walk.DURATION);
  }

  /** An instant such as {@code "2007-12-01T05:00:00Z"}. */
  public Instant instant(String name) {
    return object.required(name, Walk.INSTANT);
  }

  /** Money as {@code {"currency": "USD", "amount": 5.00}}. */
  public Money money(String name) {
    return object.required(name, Walk.MONEY);
  }

  /** An enum constant by its exact name. */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    return object.required(name, Walk.choice(type));
  }

  /**
   * A nested object, such as the {@code "parameters"} the canonical form writes for a rule that
   * is not a record; its unknown fields are reported too.
   */
  public RuleArguments object(String name) {
    return new RuleArguments(object.nested(name));
  }
}
