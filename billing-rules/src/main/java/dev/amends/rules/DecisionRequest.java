package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.time.BillingSchedule;
import dev.amends.core.time.BillingPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything one decision needs beyond the engine's policies and outage log: the account, the
 * period, the customer's claims, the credits already issued for this account and period, and
 * the evaluation instant (the period's end if not given; never a clock).
 *
 * <p>The period must be one of the account's own billing periods ({@link Account#billing()}):
 * same zone, same first and last day, same number of months. A period in another zone, shifted
 * by a day, or a day that claims to be a year is rejected, naming {@code request.period}; use
 * {@link CreditEngine#decide(Account, java.time.YearMonth)} to let the schedule pick it. An
 * evaluation instant before the period's start is rejected, naming {@code request.evaluatedAt};
 * a claim for a subscription the account does not have, naming {@code request.claims[i].subscriptionId},
 * and a second claim with the id of an earlier one, naming {@code request.claims[i].id} (claim ids
 * must be unique within a request; both when the engine decides, so a batch rejects the request
 * and carries on).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class DecisionRequest {
  DecisionRequest() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A request with no claims and nothing issued. */
  public static DecisionRequest of(Account account, BillingPeriod period) {
    return builder().account(account).period(period).build();
  }

  /** The account. */
  public abstract Account account();

  /** The billing period. */
  public abstract BillingPeriod period();

  /** Claims the customer filed. A claim for a subscription beats an account-wide one. */
  public abstract List<Claim> claims();

  /** Credits already issued for this account and period, for reconciliation. */
  public abstract List<IssuedCredit> issued();

  /**
   * Credits issued for this account in earlier billing periods (not this one: those go in {@link
   * #issued()}). Only a policy with a rolling measurement window ({@link
   * MeasurementWindow.RollingDays}) reads them: the outages a credit of the same policy and
   * subscription rests on ({@link IssuedCredit#outageIds()}) are not counted again. A credit whose
   * key is one of this period's keys is rejected, naming {@code request.issuedEarlier[i].key}.
   */
  public abstract List<IssuedCredit> issuedEarlier();

  /**
   * Amounts caps carried forward from the previous period ({@link
   * CreditDecision#carriedForward()} of the previous decision).
   */
  public abstract List<CarriedCredit> carriedIn();

  /** The instant of evaluation; the period's end if empty; never before the period's start. */
  public abstract Optional<Instant> evaluatedAt();

  @Value.Check
  void check() {
    BillingSchedule schedule = account().billing();
    if (!schedule.isPeriodOf(period())) {
      throw InvalidInputException.of("request.period",
          "must be a period of account " + account().id() + "'s billing schedule (" + schedule
              + "), such as " + schedule.periodContaining(period().start()),
          period() + " [" + period().startDate() + ", " + period().endDate() + ") of " + period().months()
              + " month(s)");
    }
    if (evaluatedAt().isPresent() && evaluatedAt().get().isBefore(period().start())) {
      // Nothing of the period has happened yet: every deadline and standing would be judged
      // before the facts exist.
      throw InvalidInputException.of("request.evaluatedAt",
          "must not be before the period's start " + period().start() + " (" + period() + ")", evaluatedAt().get());
    }
  }

  /** Builds a {@link DecisionRequest}. */
  public static final class Builder extends ImmutableDecisionRequest.Builder {
    Builder() {}

    /**
     * Builds the {@link DecisionRequest}.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing or null
     */
    @Override
    public DecisionRequest build() {
      return super.build();
    }
  }
}
