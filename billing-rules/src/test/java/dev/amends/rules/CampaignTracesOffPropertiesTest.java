package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.HALF_UP;

import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.Money;

/**
 * Campaigns decide the same with traces on and off, whichever way their eligibility is answered:
 * over campaigns whose conditions are built at random from placements, plans and active instants
 * (answered by the quick test), downtime and availability (tested in full on the facts computed
 * for it) and a condition of the caller's own on the fee, per account or per subscription, the
 * lines, flags, warnings, carried-forward credits and totals are the same, and so is any error.
 */
class CampaignTracesOffPropertiesTest {
  static final Instant JUNE_15 = Instant.parse("2024-06-15T00:00:00Z");

  /** A fee condition of the caller's own: never answered by the quick test. */
  static final Condition FEE_AT_LEAST_20 = new Condition() {
    @Override
    public ConditionResult test(RuleContext ctx) {
      boolean met = ctx.fee().fee().compareTo(dev.amends.core.money.ExactMoney.of(Money.parse("USD 20.00"))) >= 0;
      return new ConditionResult(met, "fee " + ctx.fee(), "fee at least USD 20.00");
    }

    @Override
    public String canonical() {
      return "fee-at-least[USD 20.00]";
    }
  };

  static Condition condition(SplittableRandom r, int depth) {
    int pick = depth == 0 ? r.nextInt(8) : r.nextInt(11);
    return switch (pick) {
      case 0 -> Conditions.placedUnder(Scope.of("grid"));
      case 1 -> Conditions.placedUnder(BatchFleet.cluster(r.nextInt(4)));
      case 2 -> Conditions.planIn(r.nextBoolean() ? "grid" : "other");
      case 3 -> Conditions.activeAt(JUNE_15);
      case 4 -> Conditions.downtimeAtLeast(Duration.ofMinutes(30 + r.nextInt(300)));
      case 5 -> Conditions.availabilityBelow(BigDecimal.valueOf(9990 + r.nextInt(10), 2));
      case 6 -> FEE_AT_LEAST_20;
      case 7 -> Conditions.placedUnder(BatchFleet.cluster(0));
      case 8 -> Conditions.not(condition(r, depth - 1));
      default -> {
        Condition[] parts = new Condition[1 + r.nextInt(3)];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = condition(r, depth - 1);
        }
        yield pick == 9 ? Conditions.all(parts) : Conditions.any(parts);
      }
    };
  }

  @Property(tries = 25)
  void campaignsDecideTheSameWithTracesOnAndOff(
      @ForAll @LongRange(min = 1, max = 1_000_000) long fleetSeed,
      @ForAll @LongRange(min = 1, max = 1_000_000) long conditionSeed,
      @ForAll boolean perAccount) {
    Campaign campaign = Campaign.builder()
        .id("sorry")
        .eligibleAt(JUNE_15)
        .eligibility(condition(new SplittableRandom(conditionSeed), 2))
        .unit(perAccount ? Campaign.Unit.PER_ACCOUNT : Campaign.Unit.PER_SUBSCRIPTION)
        .grant(Rules.freePeriods("free", BigDecimal.ONE, Rules.FreePeriodValue.MONTHLY_PRICE))
        .rounding(HALF_UP)
        .build();
    Policy sla = RuleFixtures.policyBuilder("p", Rules.flatAmount("flat", Money.parse("USD 1.00")), HALF_UP).build();
    OutageLog outages = OutageLog.of(BatchFleet.outages(fleetSeed));
    CreditEngine on = CreditEngine.builder().policies(PolicyBook.of(sla)).outages(outages).campaigns(campaign).build();
    CreditEngine off = CreditEngine.builder().policies(PolicyBook.of(sla)).outages(outages).campaigns(campaign)
        .traces(false).build();

    for (int i = 0; i < 10; i++) {
      TracesOffPropertiesTest.assertSameButTraces(on, off, BatchFleet.request(fleetSeed, i));
    }
  }
}
