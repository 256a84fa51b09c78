package dev.amends.rules.json;

import dev.amends.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A record that belongs to an account, as a line of a claims, issued-credits or carried-credits
 * stream names it: the account's id, the billing period's first day (for credits, which belong to
 * a period), and the record.
 *
 * <p>A batch groups these by account (and period) into {@link dev.amends.rules.DecisionRequest}s.
 *
 * @param accountId the account's id
 * @param periodStart the first day of the billing period in the account's zone; empty for claims
 * @param record the record
 * @param <T> the record type: {@link dev.amends.rules.Claim}, {@link dev.amends.rules.IssuedCredit}
 *     or {@link dev.amends.rules.CarriedCredit}
 */
public record AccountRecord<T>(String accountId, Optional<LocalDate> periodStart, T record) {
  /**
   * Validates.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code accountId}, {@code periodStart} or
   *     {@code record} if one is null or the id is not a valid id
   */
  public AccountRecord {
    Checks.id("accountId", accountId);
    Checks.notNull("periodStart", periodStart);
    Checks.notNull("record", record);
  }
}
