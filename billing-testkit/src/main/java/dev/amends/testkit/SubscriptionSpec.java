package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A subscription in a {@link Scenario}: its plan, its price per month, quarter or year, where it
 * is placed, and when it is active.
 *
 * <pre>{@code
 * s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2")
 * s -> s.plan("grid-annual").yearly("240.00").on("grid/cluster-2").activeFrom("2007-06-15")
 * }</pre>
 *
 * <p>Immutable: every method returns a new spec, so the lambda must return the spec it built
 * (write it as one chain). A price is required; its amount may leave out the currency, which is
 * then the account's. Times are read as in {@link Scenario}: a local date or date-time in the
 * account's zone, or an instant ({@code 2007-12-01T05:00:00Z}). Unless said otherwise the
 * subscription is active from 1970-01-01 (in the account's zone) on, with one seat, and its
 * prices apply from that day.
 */
public final class SubscriptionSpec {
  private static final String SINCE = "1970-01-01";

  private record PriceText(String from, String amount, BillingCycle per) {}

  private final String id;
  private final String plan;
  private final List<PriceText> prices;
  private final List<String> placements;
  private final int seats;
  private final String activeFrom;
  private final String activeUntil;
  private final List<String> tags;

  SubscriptionSpec(String id) {
    this(id, "plan", List.of(), List.of(), 1, SINCE, null, List.of());
  }

  private SubscriptionSpec(
      String id, String plan, List<PriceText> prices, List<String> placements, int seats, String activeFrom,
      String activeUntil, List<String> tags) {
    this.id = id;
    this.plan = plan;
    this.prices = List.copyOf(prices);
    this.placements = List.copyOf(placements);
    this.seats = seats;
    this.activeFrom = activeFrom;
    this.activeUntil = activeUntil;
    this.tags = List.copyOf(tags);
  }

  /** The subscription's id. */
  public String id() {
    return id;
  }

  /** The plan's name; {@code plan} if not given. */
  public SubscriptionSpec plan(String name) {
    return new SubscriptionSpec(id, Texts.notNull(field("plan"), name), prices, placements, seats, activeFrom,
        activeUntil, tags);
  }

  /** The price per calendar month, such as {@code "USD 20.00"} or {@code "20.00"}, always. */
  public SubscriptionSpec monthly(String amount) {
    return price(SINCE, amount, BillingCycle.MONTHLY);
  }

  /** The price per quarter, always. */
  public SubscriptionSpec quarterly(String amount) {
    return price(SINCE, amount, BillingCycle.QUARTERLY);
  }

  /** The price per year, always. */
  public SubscriptionSpec yearly(String amount) {
    return price(SINCE, amount, BillingCycle.ANNUAL);
  }

  /**
   * A price from a local date on (a price change); add several for a price schedule.
   *
   * @param from the first local day it applies, such as {@code "2024-06-15"}
   * @param amount the price per cycle per seat, such as {@code "USD 20.00"}
   * @param per the cycle the price is for
   */
  public SubscriptionSpec price(String from, String amount, BillingCycle per) {
    Texts.notNull(field("price.from"), from);
    Texts.notNull(field("price.amount"), amount);
    Texts.notNull(field("price.per"), per);
    List<PriceText> p = new ArrayList<>(prices);
    p.add(new PriceText(from, amount, per));
    return new SubscriptionSpec(id, plan, p, placements, seats, activeFrom, activeUntil, tags);
  }

  /** Where it runs: scopes such as {@code "grid"} (service), {@code "grid/cluster-2"}, {@code "grid/cluster-2/node-7"}. */
  public SubscriptionSpec on(String... scopes) {
    Texts.notNull(field("placements"), scopes);
    List<String> p = new ArrayList<>(placements);
    for (String s : scopes) {
      p.add(Texts.notNull(field("placements"), s));
    }
    return new SubscriptionSpec(id, plan, prices, p, seats, activeFrom, activeUntil, tags);
  }

  /** The number of seats; 1 if not given. */
  public SubscriptionSpec seats(int n) {
    return new SubscriptionSpec(id, plan, prices, placements, n, activeFrom, activeUntil, tags);
  }

  /** Active from this instant on (inclusive). */
  public SubscriptionSpec activeFrom(String from) {
    return new SubscriptionSpec(id, plan, prices, placements, seats, Texts.notNull(field("active.from"), from),
        activeUntil, tags);
  }

  /** Active until this instant (exclusive); open-ended if not given. */
  public SubscriptionSpec activeUntil(String until) {
    return new SubscriptionSpec(id, plan, prices, placements, seats, activeFrom,
        Texts.notNull(field("active.until"), until), tags);
  }

  /** Free-form tags. */
  public SubscriptionSpec tags(String... more) {
    List<String> t = new ArrayList<>(tags);
    t.addAll(List.of(Texts.notNull(field("tags"), more)));
    return new SubscriptionSpec(id, plan, prices, placements, seats, activeFrom, activeUntil, t);
  }

  private String field(String name) {
    return "scenario.subscriptions[" + id + "]." + name;
  }

  Subscription build(CurrencyUnit currency, ZoneId zone) {
    if (prices.isEmpty()) {
      throw InvalidInputException.of(field("price"), "is required: say .monthly(\"USD 20.00\") or .yearly(...)",
          "not set");
    }
    List<Price> list = new ArrayList<>();
    for (PriceText p : prices) {
      Money amount = Texts.money(field("price.amount"), p.amount(), currency);
      list.add(Price.of(Texts.instant(field("price.from"), p.from(), zone).atZone(zone).toLocalDate(), amount,
          p.per()));
    }
    Instant from = Texts.instant(field("active.from"), activeFrom, zone);
    Instant until = activeUntil == null ? Instant.MAX : Texts.instant(field("active.until"), activeUntil, zone);
    return Subscription.builder()
        .id(id)
        .plan(plan)
        .prices(PriceSchedule.of(list))
        .seats(seats)
        .active(from, until)
        .placements(placements.stream().map(Scope::of).toList())
        .tags(tags)
        .build();
  }

  /** The currency of the first price, if it names one. */
  CurrencyUnit statedCurrency() {
    for (PriceText p : prices) {
      String t = p.amount().strip();
      if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
        return Texts.money(field("price.amount"), t, null).getCurrencyUnit();
      }
    }
    return null;
  }

}
