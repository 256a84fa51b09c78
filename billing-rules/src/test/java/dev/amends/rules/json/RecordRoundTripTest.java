package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Standing;
import dev.amends.core.account.Subscription;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingSchedule;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.IssuedCredit;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.threeten.extra.Interval;

/** Writing records as NDJSON and reading them back gives equal records, for every record type. */
class RecordRoundTripTest {
  private static final Instant EPOCH_2000 = Instant.parse("2000-01-01T00:00:00Z");

  @Property(tries = 100)
  void accountsRoundTrip(@ForAll @Size(max = 5) List<@From("accounts") Account> accounts) {
    assertRoundTrip(RecordFormat.ACCOUNTS, accounts);
  }

  @Property(tries = 100)
  void outagesRoundTrip(@ForAll @Size(max = 5) List<@From("outages") Outage> outages) {
    assertRoundTrip(RecordFormat.OUTAGES, outages);
  }

  @Property(tries = 100)
  void telemetryRoundTrips(@ForAll @Size(max = 5) List<@From("samples") TelemetrySample> samples) {
    assertRoundTrip(RecordFormat.TELEMETRY, samples);
  }

  @Property(tries = 100)
  void claimsRoundTrip(@ForAll @Size(max = 5) List<@From("claims") AccountRecord<Claim>> claims) {
    assertRoundTrip(RecordFormat.CLAIMS, claims);
  }

  @Property(tries = 100)
  void issuedCreditsRoundTrip(@ForAll @Size(max = 5) List<@From("issued") AccountRecord<IssuedCredit>> issued) {
    assertRoundTrip(RecordFormat.ISSUED_CREDITS, issued);
  }

  @Property(tries = 100)
  void carriedCreditsRoundTrip(@ForAll @Size(max = 5) List<@From("carried") AccountRecord<CarriedCredit>> carried) {
    assertRoundTrip(RecordFormat.CARRIED_CREDITS, carried);
  }

  /** Written through a stream writer, read through a stream reader: the same records in order, and the same text again. */
  private static <T> void assertRoundTrip(RecordFormat<T> format, List<T> records) {
    StringWriter text = new StringWriter();
    RecordWriter<T> out = format.writer(text);
    records.forEach(out::write);
    RecordReader<T> in = format.reader(new StringReader(text.toString()), "property");
    List<T> back = new ArrayList<>();
    in.forEachRemaining(line -> {
      assertThat(line).as(line.toString()).isInstanceOf(RecordLine.Accepted.class);
      back.add(((RecordLine.Accepted<T>) line).record());
    });
    assertThat(back).isEqualTo(records);
    assertThat(in.read()).isEqualTo(records.size());
    StringWriter again = new StringWriter();
    RecordWriter<T> out2 = format.writer(again);
    back.forEach(out2::write);
    assertThat(again).hasToString(text.toString());
  }

  /** A billing schedule to be made in the account's zone: calendar, or anniversary from the anchor. */
  record Shape(BillingCycle cycle, LocalDate anchor, int kind) {
    BillingSchedule schedule(ZoneId zone) {
      return kind == 0 ? BillingSchedule.calendar(cycle, zone) : BillingSchedule.anniversary(cycle, anchor, zone);
    }
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_', 'é', '€', '"', '\\', '/')
        .ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 40L * 365 * 86_400).map(EPOCH_2000::plusSeconds);
  }

  private static Arbitrary<Interval> windows(boolean mayBeOpen) {
    return Combinators.combine(instants(), Arbitraries.longs().between(1, 90L * 86_400),
        Arbitraries.of(true, false)).as((s, len, open) -> Interval.of(s, open && mayBeOpen ? Instant.MAX : s.plusSeconds(len)));
  }

  private static Arbitrary<Scope> scopes() {
    return Arbitraries.strings().withCharRange('a', 'c').ofMinLength(1).ofMaxLength(3).list().ofMinSize(1).ofMaxSize(3)
        .map(segs -> Scope.of(String.join("/", segs)));
  }

  private static Arbitrary<CurrencyUnit> currencies() {
    return Arbitraries.of("USD", "EUR", "JPY", "BHD").map(CurrencyUnit::of);
  }

  private static Arbitrary<Money> money(CurrencyUnit currency, boolean mayBeNegative) {
    return Arbitraries.longs().between(mayBeNegative ? -10_000_000_000L : 0, 10_000_000_000L)
        .map(minor -> Money.of(currency, BigDecimal.valueOf(minor, currency.getDecimalPlaces())));
  }

  private static Arbitrary<Ratio> ratios() {
    return Combinators.combine(Arbitraries.longs().between(1, 1000), Arbitraries.longs().between(1, 1000))
        .as((a, b) -> Ratio.of(Math.min(a, b), Math.max(a, b)));
  }

  private static Arbitrary<Subscription> subscriptions(CurrencyUnit currency) {
    Arbitrary<Price> price = Combinators.combine(
        Arbitraries.of(LocalDate.MIN, LocalDate.of(2007, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(1999, 12, 31)),
        money(currency, false), Arbitraries.of(BillingCycle.class)).as(Price::of);
    Arbitrary<List<Price>> prices = price.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Price::effectiveFrom);
    return Combinators.combine(ids(), ids(), prices, windows(true), scopes().set().ofMinSize(1).ofMaxSize(3),
        Arbitraries.integers().between(1, 500), ids().set().ofMaxSize(2))
        .as((id, plan, ps, active, placed, seats, tags) -> Subscription.builder().id(id).plan(plan)
            .prices(PriceSchedule.of(ps)).active(active).addAllPlacements(placed).seats(seats).addAllTags(tags).build());
  }

  @Provide
  Arbitrary<Account> accounts() {
    return currencies().flatMap(currency -> {
      Arbitrary<ZoneId> zones = Arbitraries.of("UTC", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe")
          .map(ZoneId::of);
      Arbitrary<Optional<Shape>> billing = Combinators.combine(Arbitraries.of(BillingCycle.class),
          Arbitraries.of(LocalDate.of(2024, 1, 31), LocalDate.of(2007, 3, 15)), Arbitraries.integers().between(0, 2))
          .as(Shape::new).optional();
      Arbitrary<List<Standing.Change>> changes = Combinators.combine(instants(), Arbitraries.of(Standing.Status.class))
          .as(Standing.Change::new).list().ofMaxSize(3).uniqueElements(Standing.Change::from)
          .map(cs -> cs.stream().sorted(java.util.Comparator.comparing(Standing.Change::from)).toList());
      Arbitrary<List<Subscription>> subs = subscriptions(currency).list().ofMaxSize(3).uniqueElements(Subscription::id);
      return Combinators.combine(ids(), zones, billing, changes, Arbitraries.of(LocalDate.of(2005, 3, 1)).optional(),
          ids().set().ofMaxSize(2), subs).as((id, zone, shape, cs, since, tags, ss) -> {
            Account.Builder b = Account.builder().id(id).currency(currency).zone(zone).standing(Standing.of(cs))
                .customerSince(since).addAllTags(tags).addAllSubscriptions(ss);
            shape.ifPresent(s -> b.billing(s.schedule(zone)));
            return b.build();
          });
    });
  }

  @Provide
  Arbitrary<Outage> outages() {
    Arbitrary<Impact> impacts = Combinators.combine(Arbitraries.of(Impact.Level.class), ratios().optional())
        .as((level, share) -> {
          Impact base = level == Impact.Level.FULL ? Impact.full() : Impact.degraded();
          return share.map(base::withAffectedShare).orElse(base);
        });
    Arbitrary<Announcement> announcements = Combinators.combine(instants(), windows(false)).as(Announcement::of);
    return Combinators.combine(ids(), scopes().set().ofMinSize(1).ofMaxSize(3), windows(true),
        Arbitraries.of(OutageKind.class), announcements.optional(), impacts, Arbitraries.of(Cause.class),
        instants().optional()).as((id, sc, window, kind, ann, impact, cause, reported) -> Outage.builder().id(id)
            .addAllScopes(sc).window(window).kind(kind).announcement(kind == OutageKind.UNPLANNED ? Optional.empty() : ann)
            .impact(impact).cause(cause).reportedAt(reported).addTags("t-" + id.length()).build());
  }

  @Provide
  Arbitrary<TelemetrySample> samples() {
    Arbitrary<TelemetrySample> counts = Combinators.combine(scopes(), windows(false), Arbitraries.longs().between(0, 1_000_000),
        Arbitraries.longs().between(0, 1_000_000)).as((s, w, a, b) -> TelemetrySample.ofCounts(s, w, Math.min(a, b), Math.max(a, b)));
    Arbitrary<TelemetrySample> rates = Combinators.combine(scopes(), windows(false), ratios())
        .as(TelemetrySample::ofErrorRate);
    return Arbitraries.oneOf(counts, rates);
  }

  @Provide
  Arbitrary<AccountRecord<Claim>> claims() {
    return Combinators.combine(ids(), ids(), instants(), ids().optional(), ids().set().ofMaxSize(3),
        ids().list().ofMaxSize(3)).as((account, id, filed, sub, outages, evidence) -> new AccountRecord<>(account,
            Optional.empty(), Claim.builder().id(id).filedAt(filed).subscriptionId(sub).addAllOutageIds(outages)
                .addAllEvidence(evidence).build()));
  }

  @Provide
  Arbitrary<AccountRecord<IssuedCredit>> issued() {
    Arbitrary<Ratio> days = Arbitraries.longs().between(-60, 60).flatMap(n -> Arbitraries.of(1L, 2L, 3L).map(d -> Ratio.of(n, d)));
    return Combinators.combine(ids(), Arbitraries.of(LocalDate.of(2007, 12, 1), LocalDate.of(2024, 2, 29)), ids(),
        currencies().flatMap(c -> money(c, true)), ids(), ids(), ids(), days.optional())
        .as((account, start, key, amount, policy, sub, path, d) -> new AccountRecord<>(account, Optional.of(start),
            new IssuedCredit(key, amount, policy, sub, path, d)))
        .flatMap(r -> ids().list().ofMaxSize(2).map(outages -> new AccountRecord<>(r.accountId(), r.periodStart(),
            new IssuedCredit(r.record().key(), r.record().amount(), r.record().policyId(), r.record().subscriptionId(),
                r.record().rulePath(), r.record().days(), outages))));
  }

  @Provide
  Arbitrary<AccountRecord<CarriedCredit>> carried() {
    return Combinators.combine(ids(), Arbitraries.of(LocalDate.of(2007, 12, 1)), ids(), ids(), ids(),
        currencies().flatMap(c -> money(c, false))).as((account, start, sub, policy, path, amount) ->
            new AccountRecord<>(account, Optional.of(start), new CarriedCredit(sub, policy, path, amount)));
  }
}
