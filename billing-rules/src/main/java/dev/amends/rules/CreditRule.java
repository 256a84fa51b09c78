package dev.amends.rules;

/**
 * The rule SPI: a pure function from a read-only {@link RuleContext} to an {@link Outcome}.
 *
 * <p>Implementations must have no side effects and no shared mutable state, and must give the
 * same outcome for the same context: the engine may call them from many threads at once, and
 * re-runs must produce identical decisions. Return an unrounded amount; the engine applies the
 * policy's caps and then rounds each line once.
 *
 * <pre>{@code
 * CreditRule loyalty = new CreditRule() {
 *   public String id() { return "loyalty"; }
 *   public Outcome evaluate(RuleContext ctx) {
 *     if (ctx.measurement().downtime().compareTo(Duration.ofHours(1)) < 0) {
 *       return Outcome.noCredit("downtime " + ctx.measurement().downtime() + " < PT1H");
 *     }
 *     return Outcome.credit(ctx.fee().fee().percent(new BigDecimal("5")), "5 % of the fee for an hour down");
 *   }
 * };
 * }</pre>
 *
 * <p>The policy's digest reads a rule's {@link #kind()}, {@link #id()} and {@link #parameters()}:
 * write the rule as a record, whose components are its parameters by default, or override
 * {@link #parameters()}, so that changing a parameter changes the digest.
 *
 * <p>The standard rules come from {@link Rules}; they are records ({@link AvailabilityTiersRule},
 * {@link PerBlockRule}, …) whose components are their parameters, forming the sealed {@link
 * StandardRule}. This interface is the open branch of {@link RuleNode}: the one to implement for a
 * rule of your own.
 */
public non-sealed interface CreditRule extends RuleNode {
  /**
   * Decides the credit for one subscription in one period.
   *
   * @param context the facts, not null
   * @return the outcome, not null
   */
  Outcome evaluate(RuleContext context);

  /**
   * The rule's kind in traces, such as {@code availability-tiers}: one line, not blank (checked
   * when the policy is built). By default the class's simple name, or {@code custom} for an
   * anonymous class.
   */
  default String kind() {
    String name = getClass().getSimpleName();
    return name.isEmpty() ? "custom" : name;
  }

  /**
   * The rule's parameters as data, by name: what the policy's digest is computed from, so a rule
   * must list every parameter that can change its outcome. A rule written as a record gets its
   * components (all but {@code id}) by default; any other rule gets none unless it overrides
   * this.
   *
   * <pre>{@code
   * record Loyalty(String id, Duration minimum, BigDecimal percent) implements CreditRule { ... }
   * new Loyalty("loyalty", Duration.ofHours(1), new BigDecimal("5")).parameters();
   * // {minimum=PT1H, percent=5}
   * }</pre>
   *
   * <p>Values may be text, numbers, booleans, enums, {@link java.time.Duration}, {@link
   * java.time.Instant}, {@link java.time.LocalDate}, money, records, optionals, lists, sets and
   * maps of these; anything else enters the digest by its {@code toString()}. Keys are written
   * sorted, so the map's order does not matter.
   *
   * @return the parameters, not null
   */
  default java.util.Map<String, Object> parameters() {
    return this instanceof Record r ? Canonical.componentsOf(r, "id") : java.util.Map.of();
  }
}
