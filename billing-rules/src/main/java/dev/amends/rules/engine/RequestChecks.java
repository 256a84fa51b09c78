package dev.amends.rules.engine;

import dev.amends.rules.Campaign;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.CurrencyUnit;

/** Checks of a {@link DecisionRequest} against its own account, before anything is decided. */
public final class RequestChecks {
  private RequestChecks() {}

  /**
   * Issued and carried credits must be in the account's currency; an issued credit's key must be
   * one the engine gives for its account, period, subscription, policy and rule path (or, for a
   * campaign's grant, for its campaign, account, subscription if per subscription, and rule path).
   *
   * <p>A key the engine could not have produced for those parts is an unknown key: bad input,
   * refused with an {@link InvalidInputException} rather than reported as "no longer owed". A
   * credit the engine cannot identify cannot be reconciled, and treating it as an overpayment
   * would raise {@link DecisionFlag#OVERPAID_NO_CLAWBACK} (or claw it back) on a guess.
   *
   * <p>A claim must be for a subscription of the account, and claim ids must be unique within
   * the request: of two claims with one id, which counts would rest on filing time or order alone.
   *
   * @throws InvalidInputException naming the field, such as {@code request.issued[2].amount}
   */
  public static void check(DecisionRequest request, Map<String, Campaign> campaigns) {
    Account account = request.account();
    BillingPeriod period = request.period();
    CurrencyUnit currency = account.currency();
    List<IssuedCredit> issued = request.issued();
    for (int i = 0; i < issued.size(); i++) {
      IssuedCredit c = issued.get(i);
      String field = "request.issued[" + i + "]";
      if (!c.amount().getCurrencyUnit().equals(currency)) {
        throw InvalidInputException.of(field + ".amount", "must be in the account's currency " + currency, c.amount());
      }
      Campaign campaign = campaigns.get(c.policyId());
      String expected = campaign == null
          ? Keys.key(account.id(), c.subscriptionId(), period, c.policyId(), c.rulePath())
          : Keys.grantKey(campaign.id(), account.id(),
              campaign.unit() == Campaign.Unit.PER_SUBSCRIPTION ? c.subscriptionId() : "", c.rulePath());
      int slash = c.key().indexOf('/');
      boolean known = c.baseKey().equals(expected)
          && (slash < 0 || Keys.isAdjustment(c.key().substring(slash + 1)));
      if (!known) {
        throw InvalidInputException.of(field + ".key",
            "is an unknown key: not one this engine gives for account " + account.id() + ", subscription "
                + c.subscriptionId() + ", period " + period + ", policy " + c.policyId() + " and rule " + c.rulePath()
                + " (expected " + expected + " or an adjustment of it)",
            c.key());
      }
    }
    List<IssuedCredit> earlier = request.issuedEarlier();
    for (int i = 0; i < earlier.size(); i++) {
      IssuedCredit c = earlier.get(i);
      if (c.baseKey().equals(Keys.key(account.id(), c.subscriptionId(), period, c.policyId(), c.rulePath()))) {
        throw InvalidInputException.of("request.issuedEarlier[" + i + "].key",
            "is a key of this period " + period + ", so it belongs in request.issued (reconciled), not among the"
                + " credits of earlier periods", c.key());
      }
    }
    List<Claim> claims = request.claims();
    Map<String, Integer> claimIds = claims.size() > 1 ? new HashMap<>() : null;
    for (int i = 0; i < claims.size(); i++) {
      if (claimIds != null) {
        Integer first = claimIds.putIfAbsent(claims.get(i).id(), i);
        if (first != null) {
          // Two claims with one id: which one counts would rest on their filing times (or, filed
          // at the same instant, on their order) rather than on what the customer claimed.
          throw InvalidInputException.of("request.claims[" + i + "].id",
              "repeats the id of request.claims[" + first + "]; claim ids must be unique within a request (account "
                  + account.id() + ")", claims.get(i).id());
        }
      }
      Optional<String> sub = claims.get(i).subscriptionId();
      if (sub.isPresent() && account.subscriptions().stream().noneMatch(s -> s.id().equals(sub.get()))) {
        throw InvalidInputException.of("request.claims[" + i + "].subscriptionId",
            "is not a subscription of account " + account.id() + ", so the claim would count for nothing",
            sub.get());
      }
    }
    List<CarriedCredit> carried = request.carriedIn();
    for (int i = 0; i < carried.size(); i++) {
      CarriedCredit c = carried.get(i);
      if (!c.amount().getCurrencyUnit().equals(currency)) {
        throw InvalidInputException.of("request.carriedIn[" + i + "].amount",
            "must be in the account's currency " + currency, c.amount());
      }
      if (account.subscriptions().stream().noneMatch(sub -> sub.id().equals(c.subscriptionId()))) {
        throw InvalidInputException.of("request.carriedIn[" + i + "].subscriptionId",
            "is not a subscription of account " + account.id() + ", so its carried credit could not be used",
            c.subscriptionId());
      }
    }
  }
}
