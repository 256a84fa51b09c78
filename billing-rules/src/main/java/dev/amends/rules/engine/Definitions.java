package dev.amends.rules.engine;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.amends.rules.Campaign;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Outcome;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleContext;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.TraceValue;
import dev.amends.rules.internal.QuickTest;

/**
 * Internal, not part of the API: the narrow way in to the few operations of {@code
 * dev.amends.rules} that the engine needs and that are not public there. {@link CreditEngine},
 * the front door, installs them when it is initialised (the pattern of the JDK's {@code
 * SharedSecrets}), so that they stay package-private in the API and out of users' reach, and the
 * definitions themselves never import the engine.
 */
public final class Definitions {
  private static volatile Access access;

  private Definitions() {}

  /** The operations handed over; implemented once, inside {@link CreditEngine}. */
  public interface Access {
    /**
     * Whether a condition that reads only the subscription holds, without building the texts of
     * its result; {@link QuickTest#NEEDS_FULL_TEST} for any other condition.
     */
    QuickTest quickTest(Condition condition, RuleContext context);

    /** Whether a claim covering the subscription was filed in time, with what was compared. */
    ConditionResult claimInTime(ClaimDeadline deadline, RuleContext context);

    /**
     * An outcome of a standard rule, unchecked: its reason and value names are the library's own
     * text and its outage ids come from checked input (amount null for no credit).
     */
    Outcome libraryOutcome(ExactMoney amount, Ratio days, String reason, String[] names, TraceValue[] values,
        int count, List<String> outageIds);

    /** A decision; {@code traces} is null when the engine did not record traces. */
    CreditDecision decision(String accountId, BillingPeriod period, Instant evaluatedAt, List<CreditLine> lines,
        Set<DecisionFlag> flags, List<String> warnings, List<SubscriptionTrace> traces,
        List<CarriedCredit> carriedForward);

    /** A policy's plans in order, as text, for messages. */
    String plansText(Policy policy);

    /** The campaign as the engine runs it: a policy whose tree is {@code when(<id>, eligible, grant)}. */
    Policy campaignPolicy(Campaign campaign);

    /** Who is eligible for a campaign, in full: the condition of its policy's tree. */
    Condition eligible(Campaign campaign);

    /** The canonical form of {@link #eligible(Campaign)}, computed once. */
    String eligibleCanonical(Campaign campaign);

    /** {@code not eligible: } and {@link #eligibleCanonical(Campaign)}, computed once. */
    String notEligible(Campaign campaign);

    /**
     * What the engine's own readers (standard rules, per-outage steps) read of a context's
     * measurement: for a context made by {@link #context}, its figures, without the copy that
     * carries the subscription's id (they read no id); for any other context, its measurement.
     * Never handed to a user's rule, condition or trace.
     */
    Measurement figures(RuleContext context);

    /**
     * The context the engine decides a subscription on, for a campaign's eligibility and for the
     * rule tree alike: its fee, measurement, outages, claim and carried credits are read from
     * {@code source} the first time a rule or condition asks for them, and kept; the fee is
     * checked to be in the account's currency as a built context's is. For one decision on one
     * thread. The source gives the figures, which a batch may share between subscriptions; the
     * context's {@link RuleContext#measurement()} is a copy of them with the subscription's id,
     * made when first asked for (see {@link #figures}).
     */
    RuleContext context(Account account, Subscription subscription, BillingPeriod period, Instant evaluatedAt,
        Source source);
  }

  /**
   * What a context made by {@link Access#context} reads its parts from, each asked for at most
   * once per context: the engine's facts of one subscription under one policy.
   */
  public interface Source {
    /** The fee for the period, not checked (the context checks its currency). */
    PeriodFee fee();

    /** The measured figures, whose subscription id may be another subscription's. */
    Measurement figures();

    /** The outage records the figures name, in their order. */
    List<Outage> outages(Measurement figures);

    /** The claim the subscription is decided on, if any. */
    Optional<Claim> claim();

    /** The credits carried into the policy's caps for the subscription. */
    List<CarriedCredit> carriedIn();
  }

  /**
   * Installs the operations; called once, by {@link CreditEngine}'s static initialiser.
   *
   * @param operations the operations, not null
   * @throws IllegalStateException if they were installed already
   */
  public static synchronized void install(Access operations) {
    if (access != null) {
      throw new IllegalStateException("the definitions' operations are installed already");
    }
    access = java.util.Objects.requireNonNull(operations, "operations");
  }

  /** The operations, initialising {@link CreditEngine} first if nothing has yet. */
  static Access access() {
    Access a = access;
    if (a == null) {
      try {
        Class.forName(CreditEngine.class.getName(), true, CreditEngine.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = access;
    }
    return a;
  }
}
