package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.PeriodFee;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A campaign's eligibility and its grant read one context: the fee and the measurement of an
 * eligible subscription are computed once, not once for the eligibility test and again for the
 * grant.
 */
class CampaignOneContextTest {
  /** What a rule or condition saw: the context, and the fee and measurement it read from it. */
  record Seen(RuleContext context, PeriodFee fee, Measurement measurement) {
    static Seen of(RuleContext ctx) {
      return new Seen(ctx, ctx.fee(), ctx.measurement());
    }
  }

  /** Eligible when the fee is at least USD 10 and some downtime was measured; records what it read. */
  static final class PaidAndDown implements Condition {
    final List<Seen> seen = new ArrayList<>();

    @Override
    public ConditionResult test(RuleContext ctx) {
      seen.add(Seen.of(ctx));
      boolean paid = ctx.fee().fee().compareTo(ExactMoney.of(Money.parse("USD 10.00"))) >= 0;
      boolean down = !ctx.measurement().downtime().isZero();
      return new ConditionResult(paid && down, "fee " + ctx.fee() + ", down " + ctx.measurement().downtime(),
          "fee at least USD 10.00 and some downtime");
    }

    @Override
    public String canonical() {
      return "paid-and-down";
    }
  }

  /** A grant of USD 10.00 that records what it read. */
  static final class RecordingGrant implements CreditRule {
    final List<Seen> seen = new ArrayList<>();

    @Override
    public String id() {
      return "ten";
    }

    @Override
    public String kind() {
      return "recording";
    }

    @Override
    public String canonical() {
      return "recording-ten";
    }

    @Override
    public Outcome evaluate(RuleContext ctx) {
      seen.add(Seen.of(ctx));
      return Outcome.credit(ExactMoney.of(Money.parse("USD 10.00")), "ten dollars");
    }
  }

  static Campaign campaign(Condition eligibility, CreditRule grant) {
    return Campaign.builder().id("sorry").eligibleAt(CampaignEligibilityFirstTest.APOLOGY).eligibility(eligibility)
        .unit(Campaign.Unit.PER_SUBSCRIPTION).grant(grant)
        .rounding(dev.amends.core.money.Rounding.of(java.math.RoundingMode.HALF_UP)).build();
  }

  @Test
  void eligibleSubscriptionsFeeAndMeasurementAreComputedOnceForEligibilityAndGrant() {
    PaidAndDown condition = new PaidAndDown();
    RecordingGrant grant = new RecordingGrant();
    // Outside a batch nothing is shared between decisions, so a second computation would give
    // new (equal) objects: the very same instances mean one computation.
    CreditDecision d = CampaignTest.engine(campaign(condition, grant))
        .decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(Money.parse("USD 10.00"));
    assertThat(grant.seen).hasSize(1);
    Seen granted = grant.seen.get(0);
    // the eligibility test, then the campaign tree's own test of the same condition
    assertThat(condition.seen).hasSize(2).allSatisfy(s -> {
      assertThat(s.context()).isSameAs(granted.context());
      assertThat(s.fee()).isSameAs(granted.fee());
      assertThat(s.measurement()).isSameAs(granted.measurement());
    });
    SubscriptionTrace t = d.trace("sub-c2", "sorry").orElseThrow();
    assertThat(t.fee()).get().isSameAs(granted.fee());
    assertThat(t.measurement()).get().isSameAs(granted.measurement());
  }

  @Test
  void contextReadsAsABuiltContextWithTheSameValues() {
    RecordingGrant grant = new RecordingGrant();
    CampaignTest.engine(campaign(Conditions.placedUnder(CLUSTER_2), grant))
        .decide(CUSTOMER_ON_CLUSTER_2, YearMonth.of(2007, 12));

    RuleContext seen = grant.seen.get(0).context();
    RuleContext built = RuleContext.builder().from(seen).build();
    assertThat(seen.toString()).isEqualTo(built.toString());
    assertThat(seen.outages()).extracting(o -> o.id()).containsExactly(FIRMWARE_UPGRADE.id());
    assertThat(seen.countedOutages()).isEqualTo(built.countedOutages());
    assertThat(seen.fee()).isEqualTo(built.fee());
    assertThat(seen.measurement()).isEqualTo(built.measurement());
  }
}
