package dev.amends.rules;

import dev.amends.rules.engine.CompiledPolicy;
import dev.amends.rules.internal.Texts;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * A percentage of the fee per block of downtime, counting started or completed blocks.
 *
 * @param id the node id
 * @param block the block length, positive
 * @param percentPerBlock the percentage per block, not negative
 * @param count started or completed blocks
 */
public record PerBlockRule(String id, Duration block, BigDecimal percentPerBlock, Rules.BlockCount count)
    implements CreditRule {
  /**
   * Checks the node.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.block} (not positive), {@code <id>.percentPerBlock} (negative) or {@code <id>.count}
   */
  public PerBlockRule {
    Rules.checkId(id);
    Rules.positive(id + ".block", block);
    Rules.notNegative(id + ".percentPerBlock", percentPerBlock);
    dev.amends.core.internal.Checks.notNull(id + ".count", count);
  }

  /** {@code per-block}. */
  @Override
  public String kind() {
    return "per-block";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    return evaluate(context, CompiledPolicy.EMPTY);
  }

  /** Evaluates with the percentage per block converted once, in the policy's {@link CompiledPolicy}. */
  public Outcome evaluate(RuleContext context, CompiledPolicy compiled) {
    Duration down = context.measurement().downtime();
    Ratio exact = Ratio.of(down, block);
    boolean started = count == Rules.BlockCount.STARTED;
    BigInteger blocks = started ? exact.ceiling() : exact.floor();
    String counted = blocks + " " + (started ? "started" : "completed") + " block(s) of " + Texts.minutes(block);
    if (blocks.signum() == 0) {
      return Outcome.noCredit(Texts.minutes(down) + " down = " + counted)
          .withValue("downtime", TraceValue.duration(down));
    }
    ExactMoney fee = context.fee().fee();
    BigDecimal percent = percentPerBlock.multiply(new BigDecimal(blocks));
    // percentPerBlock x blocks %, exactly: the per-block fraction converted once, times the count
    ExactMoney credit = fee.multipliedBy(compiled.percent(percentPerBlock).multipliedBy(Ratio.of(blocks, BigInteger.ONE)));
    return Outcome.credit(credit,
            Texts.minutes(down) + " down = " + counted + " x " + Tier.plain(percentPerBlock) + " % = "
                + Tier.plain(percent) + " % of " + Texts.money(fee))
        .withValue("downtime", TraceValue.duration(down))
        .withValue("blocks", TraceValue.count(blocks.longValueExact()))
        .withValue("percent", TraceValue.percent(percent))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(Rules.countedIds(context));
  }
}
