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
 * <p>The standard rules come from {@link Rules}.
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
   * A canonical description for the policy digest. By default the kind and id; override it to
   * include the rule's parameters so that changing them changes the digest.
   */
  @Override
  default String canonical() {
    return kind() + "(" + id() + ")";
  }
}
