package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Proration;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.Measurer;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.joda.money.Money;

/** Named fixtures for testing combinators, policies and the engine on simple accounts. */
public final class RuleFixtures {
  private RuleFixtures() {}

  /** June 2024 in UTC: 30 days, 43,200 minutes. */
  public static final BillingPeriod JUNE_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 6), ZoneOffset.UTC);
  /** May 2024 in UTC: 31 days. */
  public static final BillingPeriod MAY_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 5), ZoneOffset.UTC);
  /** December 2024 in UTC: 31 days. */
  public static final BillingPeriod DEC_2024_UTC = BillingPeriod.month(YearMonth.of(2024, 12), ZoneOffset.UTC);

  public static final Scope NODE_1 = Scope.of("svc/node-1");
  public static final Money USD_20_00 = Money.parse("USD 20.00");
  public static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);
  public static final Rounding HALF_EVEN = Rounding.of(RoundingMode.HALF_EVEN);
  public static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

  /** A subscription on {@link #NODE_1}, plan "grid", active since 2000, at a monthly price. */
  public static Subscription subscription(String id, Money monthly) {
    return subscription(id, "grid", monthly);
  }

  public static Subscription subscription(String id, String plan, Money monthly) {
    return Subscription.builder()
        .id(id)
        .plan(plan)
        .prices(PriceSchedule.monthly(monthly))
        .active(LONG_AGO, Instant.MAX)
        .addPlacements(NODE_1)
        .build();
  }

  /** An account in UTC, billed by calendar month, with one subscription {@code sub-1} at a monthly price. */
  public static Account account(String id, Money monthly) {
    return account(id, subscription("sub-1", monthly));
  }

  public static Account account(String id, Subscription... subscriptions) {
    return Account.builder()
        .id(id)
        .currency(subscriptions[0].prices().currency())
        .zone(ZoneOffset.UTC)
        .addSubscriptions(subscriptions)
        .build();
  }

  /** The USD 20.00 a month account {@code acct-1}. */
  public static final Account ACCOUNT_USD_20 = account("acct-1", USD_20_00);

  /** An unplanned, full outage on {@link #NODE_1}. */
  public static Outage outage(String id, String start, Duration length) {
    Instant s = Instant.parse(start);
    return Outage.builder().id(id).addScopes(NODE_1).window(s, s.plus(length)).build();
  }

  /** Three hours down from 00:00 UTC on 10 June 2024. */
  public static final Outage OUT_1 = outage("OUT-1", "2024-06-10T00:00:00Z", Duration.ofHours(3));
  /** One hour down from 12:00 UTC on 20 June 2024. */
  public static final Outage OUT_2 = outage("OUT-2", "2024-06-20T12:00:00Z", Duration.ofHours(1));

  /** The context the engine would build for the account's first subscription under default measurement. */
  public static RuleContext context(Account account, BillingPeriod period, Outage... outages) {
    Subscription sub = account.subscriptions().get(0);
    OutageLog log = OutageLog.of(Arrays.asList(outages));
    Measurement m = Measurer.of(MeasurementRules.defaults()).measure(sub, period, log);
    List<Outage> involved = m.outageIds().stream().map(id -> log.byId(id).orElseThrow()).toList();
    return RuleContext.builder()
        .account(account)
        .subscription(sub)
        .period(period)
        .fee(PeriodFee.of(account, sub, period, Proration.BY_TIME))
        .measurement(m)
        .outages(involved)
        .evaluatedAt(period.end())
        .build();
  }

  /** Evaluates a tree at the root on the USD 20.00 account in June 2024 with {@link #OUT_1}. */
  public static Evaluation evaluate(RuleNode root) {
    return evaluate(root, context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1));
  }

  public static Evaluation evaluate(RuleNode root, RuleContext context) {
    return Evaluator.INSTANCE.evaluate(root, "", context);
  }

  /** A policy in force since 2000 with default measurement and the rounding given. */
  public static Policy.Builder policyBuilder(String id, RuleNode rule, Rounding rounding) {
    Policy.Builder b = Policy.builder();
    b.id(id).version(1).effectiveFrom(LONG_AGO).rule(rule).rounding(rounding);
    return b;
  }

  public static Policy policy(String id, RuleNode rule) {
    return policyBuilder(id, rule, HALF_UP).build();
  }

  public static CreditEngine engine(Policy policy, Outage... outages) {
    return CreditEngine.builder().policies(PolicyBook.of(policy)).outages(OutageLog.of(Arrays.asList(outages))).build();
  }

  /** Decides the USD 20.00 account for June 2024 under one policy, with {@link #OUT_1}. */
  public static CreditDecision decide(RuleNode rule) {
    return engine(policy("p", rule), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);
  }

  public static Money usd(String amount) {
    return Money.parse("USD " + amount);
  }
}
