package dev.amends.rules;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A test leaf with a fixed answer: a credit of a fixed amount (in the account's currency, written
 * as a decimal such as {@code "2.00"} or an exact fraction such as {@code "10/3"}), optionally with
 * days and the outages it rests on; or no credit with a reason.
 */
final class Fixed implements CreditRule {
  private final String id;
  private final Ratio amount; // null: no credit
  private final Ratio days; // null: none
  private final List<String> outageIds;
  private final String reason;

  private Fixed(String id, Ratio amount, Ratio days, List<String> outageIds, String reason) {
    this.id = id;
    this.amount = amount;
    this.days = days;
    this.outageIds = List.copyOf(outageIds);
    this.reason = reason;
  }

  /** A credit of {@code amount} in the account's currency, resting on the given outages. */
  static Fixed credit(String id, String amount, String... outageIds) {
    return new Fixed(id, parse(amount), null, List.of(outageIds), "fixed " + amount);
  }

  /** No credit, with a reason. */
  static Fixed none(String id, String reason) {
    return new Fixed(id, null, null, List.of(), reason);
  }

  /** The same credit, also giving days of service. */
  Fixed withDays(String d) {
    return new Fixed(id, amount, parse(d), outageIds, reason + " and " + d + " days");
  }

  static Ratio parse(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return Ratio.of(new BigDecimal(s));
    }
    return Ratio.of(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "fixed";
  }

  @Override
  public String canonical() {
    return "fixed(" + id + "," + amount + "," + days + "," + outageIds + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    if (amount == null) {
      return Outcome.noCredit(reason);
    }
    Outcome o = Outcome.credit(ExactMoney.of(context.account().currency(), amount), reason).withOutages(outageIds);
    return days == null ? o : o.withDays(days);
  }
}
