package dev.amends.core.account;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.AmendsStyle;
import dev.amends.core.internal.Checks;
import dev.amends.core.time.BillingSchedule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.joda.money.CurrencyUnit;

/**
 * A customer account: its currency, time zone, billing schedule, standing, and subscriptions.
 *
 * <pre>{@code
 * Account acme = Account.builder()
 *     .id("acct-1")
 *     .currency(CurrencyUnit.USD)
 *     .zone(ZoneId.of("America/New_York"))
 *     .customerSince(LocalDate.of(2005, 3, 1))
 *     .addSubscriptions(sub)
 *     .build();
 * }</pre>
 *
 * <p>Every subscription's prices must be in the account's currency and subscription ids must
 * be unique. The billing schedule defaults to calendar months in the account's zone. Immutable
 * and thread-safe.
 */
@Value.Immutable
@AmendsStyle
public abstract class Account {
  Account() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The account's id. */
  public abstract String id();

  /** The currency the account is billed in. */
  public abstract CurrencyUnit currency();

  /** The account's time zone: billing periods are computed in it. */
  public abstract ZoneId zone();

  /** How billing periods are laid out; calendar months in {@link #zone()} by default. */
  @Value.Default
  public BillingSchedule billing() {
    return BillingSchedule.monthly(zone());
  }

  /** The account's standing over time ({@link Standing#at(java.time.Instant)}); always good by default. */
  @Value.Default
  public Standing standing() {
    return Standing.good();
  }

  /** The first day the customer was a customer, in the account's zone. */
  public abstract Optional<LocalDate> customerSince();

  /** Free-form tags. */
  public abstract Set<String> tags();

  /** The subscriptions, in the order given. */
  public abstract List<Subscription> subscriptions();

  /** The subscription with an id. */
  public Optional<Subscription> subscription(String id) {
    return subscriptions().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  @Value.Check
  void check() {
    Checks.id("account.id", id());
    tags().forEach(t -> Checks.id("account.tags", t));
    if (!billing().zone().equals(zone())) {
      throw InvalidInputException.of("account.billing.zone", "must equal account.zone " + zone(), billing().zone());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < subscriptions().size(); i++) {
      Subscription s = subscriptions().get(i);
      String field = "account.subscriptions[" + i + "]";
      if (!seen.add(s.id())) {
        throw InvalidInputException.of(field + ".id", "is not unique in the account", s.id());
      }
      Checks.sameCurrency(field + ".prices", currency(), s.prices().currency());
    }
  }

  /** Builds an {@link Account}; {@link #build()} validates every field. */
  public static final class Builder extends ImmutableAccount.Builder {
    Builder() {}

    /**
     * Builds the account.
     *
     * @throws InvalidInputException if a required field is missing or a value is invalid
     */
    @Override
    public Account build() {
      return super.build();
    }
  }
}
