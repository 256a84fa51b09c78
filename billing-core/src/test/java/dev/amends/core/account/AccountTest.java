package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final ZoneId EASTERN = ZoneId.of("America/New_York");

  private static Subscription sub(String id, String price) {
    return Subscription.builder()
        .id(id)
        .plan("grid")
        .prices(PriceSchedule.monthly(Money.parse(price)))
        .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2"))
        .build();
  }

  private static Account.Builder valid() {
    return Account.builder().id("acct-1").currency(CurrencyUnit.USD).zone(EASTERN);
  }

  @Test
  void defaultsToCalendarMonthsInItsZoneAndGoodStanding() {
    Account a = valid().addSubscriptions(sub("sub-1", "USD 20.00")).build();

    assertThat(a.billing()).isEqualTo(BillingSchedule.monthly(EASTERN));
    assertThat(a.standing()).isEqualTo(Standing.good());
    assertThat(a.customerSince()).isEmpty();
    assertThat(a.tags()).isEmpty();
  }

  @Test
  void findsASubscriptionById() {
    Subscription one = sub("sub-1", "USD 20.00");
    Subscription two = sub("sub-2", "USD 5.00");
    Account a = valid().addSubscriptions(one, two).customerSince(LocalDate.of(2005, 3, 1)).build();

    assertThat(a.subscriptions()).containsExactly(one, two);
    assertThat(a.subscription("sub-2")).contains(two);
    assertThat(a.subscription("sub-3")).isEmpty();
    assertThat(a.customerSince()).contains(LocalDate.of(2005, 3, 1));
  }

  @Test
  void anAccountWithoutSubscriptionsIsValid() {
    assertThat(valid().build().subscriptions()).isEmpty();
  }

  @Test
  void rejectsAMissingIdNamingIt() {
    assertThatThrownBy(() -> Account.builder().currency(CurrencyUnit.USD).zone(EASTERN).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("account.id");
          assertThat(e.getMessage()).isEqualTo("account.id is required: not set");
        });
  }

  @Test
  void rejectsOtherMissingFieldsNamingThemAll() {
    assertThatThrownBy(() -> Account.builder().id("acct-1").build())
        .hasMessage("account.currency, account.zone are required: not set");
    assertThatThrownBy(() -> Account.builder().id("acct-1").currency(CurrencyUnit.USD).build())
        .hasMessage("account.zone is required: not set");
  }

  @Test
  void rejectsABlankId() {
    assertThatThrownBy(() -> valid().id("  ").build()).hasMessage("account.id must not be blank: \"  \"");
  }

  @Test
  void rejectsDuplicateSubscriptionIdsNamingTheSecond() {
    assertThatThrownBy(() -> valid().addSubscriptions(sub("sub-1", "USD 20.00"), sub("sub-1", "USD 5.00")).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("account.subscriptions[1].id");
          assertThat(e.getMessage()).isEqualTo("account.subscriptions[1].id is not unique in the account: sub-1");
        });
  }

  @Test
  void rejectsSubscriptionPricesInAnotherCurrencyNamingBoth() {
    assertThatThrownBy(() -> valid().addSubscriptions(sub("sub-1", "USD 20.00"), sub("sub-2", "EUR 20.00")).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("account.subscriptions[1].prices");
          assertThat(e.getMessage()).isEqualTo("account.subscriptions[1].prices must be in USD: EUR");
        });
  }

  @Test
  void rejectsABillingScheduleInAnotherZone() {
    BillingSchedule london = BillingSchedule.monthly(ZoneId.of("Europe/London"));

    assertThatThrownBy(() -> valid().billing(london).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("account.billing.zone must equal account.zone America/New_York: Europe/London");
  }

  @Test
  void acceptsAnAnniversaryScheduleInItsZone() {
    BillingSchedule anniversary = BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2024, 1, 31), EASTERN);

    assertThat(valid().billing(anniversary).build().billing()).isEqualTo(anniversary);
  }

  @Test
  void copiesAreValidatedToo() {
    Account a = valid().addSubscriptions(sub("sub-1", "USD 20.00")).build();

    Standing overdue = Standing.overdueSince(Instant.parse("2007-11-15T00:00:00Z"));
    assertThat(Account.builder().from(a).standing(overdue).build().standing()).isEqualTo(overdue);
    assertThatThrownBy(() -> Account.builder().from(a).currency(CurrencyUnit.EUR).build())
        .hasMessage("account.subscriptions[0].prices must be in EUR: USD");
  }
}
