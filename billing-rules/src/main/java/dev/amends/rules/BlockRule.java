package dev.amends.rules;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/** A percentage of the fee per block of downtime, counting started or completed blocks. */
final class BlockRule implements CreditRule {
  private final String id;
  private final Duration block;
  private final BigDecimal percentPerBlock;
  private final boolean started;

  BlockRule(String id, Duration block, BigDecimal percentPerBlock, boolean started) {
    this.id = Rules.checkId(id);
    this.block = Rules.positive(id + ".block", block);
    this.percentPerBlock = Rules.notNegative(id + ".percentPerBlock", percentPerBlock);
    this.started = started;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "per-block";
  }

  @Override
  public String canonical() {
    return kind() + "(" + id + ",block=" + block + ",percent=" + Tier.plain(percentPerBlock) + ",count="
        + (started ? "started" : "completed") + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    Duration down = context.measurement().downtime();
    Ratio exact = Ratio.of(down, block);
    BigInteger blocks = started ? exact.ceiling() : exact.floor();
    String counted = blocks + " " + (started ? "started" : "completed") + " block(s) of " + Texts.minutes(block);
    if (blocks.signum() == 0) {
      return Outcome.noCredit(Texts.minutes(down) + " down = " + counted)
          .withValue("downtime", Texts.minutes(down));
    }
    ExactMoney fee = context.fee().fee();
    BigDecimal percent = percentPerBlock.multiply(new BigDecimal(blocks));
    ExactMoney credit = fee.percent(percent);
    return Outcome.credit(credit,
            Texts.minutes(down) + " down = " + counted + " x " + Tier.plain(percentPerBlock) + " % = "
                + Tier.plain(percent) + " % of " + Texts.money(fee))
        .withValue("downtime", Texts.minutes(down))
        .withValue("blocks", blocks)
        .withValue("percent", Tier.plain(percent))
        .withValue("fee", Texts.money(fee))
        .withOutages(Rules.countedIds(context));
  }

  @Override
  public String toString() {
    return canonical();
  }
}
