package dev.amends.rules.engine;

import dev.amends.core.money.ExactMoney;
import dev.amends.rules.CreditRule;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import java.util.function.Function;
import org.joda.money.Money;

/**
 * A user rule for the engine's own tests whose answer is a function of the context: a fixed
 * credit, no credit, a flag raised either way, or a failure.
 */
final class Answer implements CreditRule {
  private final String id;
  private final Function<RuleContext, Outcome> answer;

  private Answer(String id, Function<RuleContext, Outcome> answer) {
    this.id = id;
    this.answer = answer;
  }

  /** A credit of {@code money} (such as {@code "USD 2.00"}), reason {@code "given <money>"}. */
  static Answer credit(String id, String money) {
    Outcome o = Outcome.credit(ExactMoney.of(Money.parse(money)), "given " + money);
    return new Answer(id, c -> o);
  }

  /** No credit, reason {@code "nothing"}. */
  static Answer none(String id) {
    Outcome o = Outcome.noCredit("nothing");
    return new Answer(id, c -> o);
  }

  /** Whatever the function answers. */
  static Answer of(String id, Function<RuleContext, Outcome> answer) {
    return new Answer(id, answer);
  }

  /** The same answer with a flag raised. */
  Answer flagged(DecisionFlag flag) {
    return new Answer(id, answer.andThen(o -> o.withFlag(flag)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "answer";
  }

  @Override
  public String canonical() {
    return "answer(" + id + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    return answer.apply(context);
  }
}
