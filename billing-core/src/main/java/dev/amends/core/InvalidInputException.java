package dev.amends.core;

import java.util.Objects;

/**
 * Input data broke a rule: a window whose end precedes its start, a negative price, a currency
 * that does not match the account's.
 *
 * <p>The message has the form {@code <field> <rule>: <value>}, for example
 * {@code outage.window.end is before start: start=2007-12-01T05:00:00Z, end=2007-12-01T04:00:00Z}.
 * The parts are available as {@link #field()}, {@link #rule()} and {@link #value()}. A caller
 * that validates a nested record can re-anchor the field with {@link #under(String)}, so that
 * the final message names the path from the top, such as {@code outages[3].window.end}.
 *
 * <p>A builder whose {@code build()} finds several required fields unset reports them all in one
 * exception: its {@link #field()} lists their paths separated by {@code ", "} and its rule is
 * {@code are required}, as in {@code account.id, account.currency are required: not set}.
 *
 * <p>Callers create it with {@link #of(String, String, Object)}. The class is not final only so
 * that Amends' generated builders can raise it through small internal subclasses; callers should
 * catch and inspect {@code InvalidInputException} itself.
 */
public class InvalidInputException extends AmendsException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;
  private final String value;

  /**
   * Creates the exception from its parts; for Amends' internal subclasses. Callers use
   * {@link #of(String, String, Object)}.
   *
   * @param field the path of the bad field, not null
   * @param rule the rule broken, not null
   * @param value the offending value as text, not null
   */
  protected InvalidInputException(String field, String rule, String value) {
    super(field + " " + rule + ": " + value);
    this.field = field;
    this.rule = rule;
    this.value = value;
  }

  /**
   * Creates the exception for a field, the rule it broke and the offending value.
   *
   * @param field the path of the bad field, such as {@code outage.window.end}, not null
   * @param rule the rule broken, phrased to follow the field, such as {@code must not be negative}
   * @param value the offending value; rendered with {@link String#valueOf(Object)}
   * @return the exception, not null
   */
  public static InvalidInputException of(String field, String rule, Object value) {
    return new InvalidInputException(
        Objects.requireNonNull(field, "field"), Objects.requireNonNull(rule, "rule"), String.valueOf(value));
  }

  /**
   * Returns a copy whose field is prefixed by a parent path.
   *
   * <p>{@code e.under("outages[3]")} turns field {@code window.end} into
   * {@code outages[3].window.end}. Index prefixes such as {@code [3]} are joined without a dot.
   *
   * @param parent the parent path, not null
   * @return a new exception with the same rule and value, not null
   */
  public InvalidInputException under(String parent) {
    String joined = field.startsWith("[") ? parent + field : parent + "." + field;
    InvalidInputException copy = new InvalidInputException(joined, rule, value);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * The path of the bad field, such as {@code outages[3].window.end}; when several required
   * fields are missing, their paths separated by {@code ", "}.
   *
   * @return the field path, not null
   */
  public String field() {
    return field;
  }

  /**
   * The rule the value broke, such as {@code is before start}.
   *
   * @return the rule, not null
   */
  public String rule() {
    return rule;
  }

  /**
   * The offending value as text: {@code null} (the text) for a null value, {@code not set} for a
   * required field that was never given.
   *
   * @return the value as text, not null
   */
  public String value() {
    return value;
  }
}
