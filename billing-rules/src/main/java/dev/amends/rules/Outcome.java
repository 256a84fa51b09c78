package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link CreditRule} decided: no credit, with the reason; or a credit, with the unrounded
 * amount, the reason, the numbers behind it, and the outages it rests on.
 *
 * <pre>{@code
 * Outcome.noCredit("availability 99.95 % >= 99.9 %");
 * Outcome.credit(fee.percent(TEN), "availability 99.0591 % < 99.9 % -> 10 % of USD 20.00")
 *     .withValue("availability", TraceValue.availability(m.availability()))
 *     .withValue("fee", TraceValue.money(fee))
 *     .withValue("note", "text values are fine too")
 *     .withOutages(List.of("MAINT-2007-12-01"));
 * }</pre>
 *
 * <p>The named values are kept typed ({@link TraceValue}) and turned into text only when an
 * explanation is rendered; adding one costs a small object, not a copy of the others. They go
 * into the decision's trace, so an engine built with traces off ({@link
 * CreditEngine.Builder#traces(boolean)}) ignores them.
 *
 * <p>A credit may also or instead be a term extension in days ({@link #withDays(Ratio)}).
 * Amounts are never negative. Immutable and thread-safe; the {@code with} methods return copies.
 */
public final class Outcome {
  private final ExactMoney amount; // null: no credit
  private final Ratio days; // null: no term extension
  private final String reason;
  private final Value values; // the latest value added, linked to those before it; null: none
  private final List<String> outageIds;
  private final Set<DecisionFlag> flags;

  private Outcome(
      ExactMoney amount, Ratio days, String reason, Value values, List<String> outageIds,
      Set<DecisionFlag> flags) {
    this.amount = amount;
    this.days = days;
    this.reason = reason;
    this.values = values;
    this.outageIds = outageIds;
    this.flags = flags;
  }

  /**
   * No credit.
   *
   * @param reason why, with the numbers compared, such as {@code availability 99.95 % >= 99.9 %}
   * @return the outcome, not null
   */
  public static Outcome noCredit(String reason) {
    return new Outcome(null, null, Checks.notBlank("outcome.reason", reason), null, List.of(), Set.of());
  }

  /**
   * A credit of an unrounded amount.
   *
   * @param amount the amount, zero or more, not null
   * @param reason a one-line reason with the numbers in it, not blank
   * @return the outcome, not null
   * @throws InvalidInputException if the amount is negative
   */
  public static Outcome credit(ExactMoney amount, String reason) {
    Checks.notNull("outcome.amount", amount);
    if (amount.isNegative()) {
      throw InvalidInputException.of("outcome.amount", "must not be negative", amount);
    }
    return new Outcome(amount, null, Checks.notBlank("outcome.reason", reason), null, List.of(), Set.of());
  }

  /**
   * An outcome of the library's own rules, built by the engine (through {@code
   * engine.Definitions}) from text it wrote and ids it read from checked input: not checked
   * again, since this is the engine's hot path. {@code names[i]} and {@code values[i]}, for i
   * below {@code count}, are the named values in the order added.
   */
  static Outcome library(ExactMoney amount, Ratio days, String reason, String[] names, TraceValue[] values,
      int count, List<String> outageIds) {
    Value v = null;
    for (int i = 0; i < count; i++) {
      v = new Value(names[i], values[i], v);
    }
    return new Outcome(amount, days, reason, v, outageIds, Set.of());
  }

  /**
   * A copy that also extends the term by a number of days.
   *
   * @param days the days, zero or more, not null
   * @return the outcome, not null
   * @throws InvalidInputException if this is a no-credit outcome or days is negative
   */
  public Outcome withDays(Ratio days) {
    Checks.notNull("outcome.days", days);
    if (amount == null) {
      throw InvalidInputException.of("outcome.days", "needs a credit outcome", days);
    }
    if (days.signum() < 0) {
      throw InvalidInputException.of("outcome.days", "must not be negative", days);
    }
    return new Outcome(amount, days, reason, values, outageIds, flags);
  }

  /**
   * A copy with one more named value behind the decision, such as {@code availability} and
   * {@link TraceValue#availability(Ratio)}. A name given twice keeps its first place and its
   * last value.
   *
   * @param name the name, one line, not blank
   * @param value the value, not null
   * @return the outcome, not null
   * @throws InvalidInputException naming {@code outcome.value.name} or {@code outcome.value}
   */
  public Outcome withValue(String name, TraceValue value) {
    Value v = new Value(Checks.notBlank("outcome.value.name", name), Checks.notNull("outcome.value", value), values);
    return new Outcome(amount, days, reason, v, outageIds, flags);
  }

  /**
   * A copy with one more named value given as text: {@code withValue(name,
   * TraceValue.text(text))}. Any control, line-separator or bidirectional formatting character
   * is written as a backslash-u escape, so it stays on its line of an explanation.
   *
   * @param name the name, one line, not blank
   * @param text the text, not null
   * @return the outcome, not null
   * @throws InvalidInputException naming {@code outcome.value.name} or {@code traceValue.text}
   */
  public Outcome withValue(String name, String text) {
    return withValue(name, TraceValue.text(text));
  }

  /** One named value, linked to the one added before it. */
  private record Value(String name, TraceValue value, Value before) {}

  /**
   * A copy with the ids of the outages the credit rests on.
   *
   * @param ids the outage ids, each one line of text, not null
   * @throws InvalidInputException naming {@code outcome.outageIds[i]} for a null or multi-line id
   */
  public Outcome withOutages(Collection<String> ids) {
    Checks.notNull("outcome.outageIds", ids);
    List<String> list = new ArrayList<>(ids.size());
    for (String id : ids) {
      list.add(Checks.id("outcome.outageIds[" + list.size() + "]", id));
    }
    return new Outcome(amount, days, reason, values, List.copyOf(list), flags);
  }

  /** A copy with a flag for the decision, such as {@link DecisionFlag#AMBIGUOUS_BOUNDARY}. */
  public Outcome withFlag(DecisionFlag flag) {
    Set<DecisionFlag> copy = flags.isEmpty() ? EnumSet.noneOf(DecisionFlag.class) : EnumSet.copyOf(flags);
    copy.add(Checks.notNull("outcome.flag", flag));
    return new Outcome(amount, days, reason, values, outageIds, Set.copyOf(copy));
  }

  /** True if the rule gave a credit (possibly of zero). */
  public boolean isCredit() {
    return amount != null;
  }

  /** The unrounded amount, empty for no credit. */
  public Optional<ExactMoney> amount() {
    return Optional.ofNullable(amount);
  }

  /** The term extension in days, if any. */
  public Optional<Ratio> days() {
    return Optional.ofNullable(days);
  }

  /** The one-line reason. */
  public String reason() {
    return reason;
  }

  /**
   * The named values behind the decision, in the order added; built on each call, so call it
   * once.
   */
  public Map<String, TraceValue> values() {
    if (values == null) {
      return Map.of();
    }
    List<Value> added = new ArrayList<>();
    for (Value v = values; v != null; v = v.before()) {
      added.add(v);
    }
    Map<String, TraceValue> map = new LinkedHashMap<>();
    for (int i = added.size() - 1; i >= 0; i--) {
      map.put(added.get(i).name(), added.get(i).value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The outages the credit rests on. */
  public List<String> outageIds() {
    return outageIds;
  }

  /** Flags for the decision. */
  public Set<DecisionFlag> flags() {
    return flags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome x
        && Objects.equals(amount, x.amount)
        && Objects.equals(days, x.days)
        && reason.equals(x.reason)
        && values().equals(x.values())
        && outageIds.equals(x.outageIds)
        && flags.equals(x.flags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, days, reason, values(), outageIds, flags);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add(amount == null ? "no credit" : "credit " + amount);
    if (days != null) {
      parts.add(days + " days");
    }
    parts.add(reason);
    return String.join(": ", parts);
  }
}
