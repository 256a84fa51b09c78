package dev.amends.rules.json;

import static dev.amends.rules.json.RecordCodec.money;
import static dev.amends.rules.json.RecordCodec.optional;
import static dev.amends.rules.json.RecordCodec.sorted;
import static dev.amends.rules.json.RecordCodec.window;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.joda.money.Money;
import org.threeten.extra.Interval;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The codecs of the record streams. Field order when writing is the order of the Javadoc examples. */
final class RecordCodecs {
  private RecordCodecs() {}

  private static final Set<String> ACCOUNT_FIELDS =
      Set.of("id", "currency", "zone", "billing", "standing", "customerSince", "tags", "subscriptions");
  private static final Set<String> BILLING_FIELDS = Set.of("cycle", "anchor");
  private static final Set<String> STANDING_FIELDS = Set.of("from", "status");
  private static final Set<String> SUBSCRIPTION_FIELDS = Set.of("id", "plan", "prices", "active", "placements", "seats", "tags");
  private static final Set<String> PRICE_FIELDS = Set.of("effectiveFrom", "amount", "per");

  /** Accounts: the one parser of account lines, for streams and single lines alike. */
  static final RecordCodec<Account> ACCOUNT = new RecordCodec<>() {
    @Override
    public Account read(RecordFields f) {
      int before = f.problemCount();
      f.allowOnly(ACCOUNT_FIELDS);
      String id = f.text("id");
      var currency = f.currency("currency");
      ZoneId zone = f.zone("zone");
      Optional<RecordFields> billing = f.optionalObject("billing");
      BillingCycle cycle = null;
      Optional<LocalDate> anchor = Optional.empty();
      if (billing.isPresent()) {
        billing.get().allowOnly(BILLING_FIELDS);
        cycle = billing.get().enumValue("cycle", BillingCycle.class);
        anchor = billing.get().optionalDate("anchor");
      }
      List<Standing.Change> changes = new ArrayList<>();
      for (RecordFields c : f.objects("standing")) {
        int cb = c.problemCount();
        c.allowOnly(STANDING_FIELDS);
        Instant from = c.instant("from");
        Standing.Status status = c.enumValue("status", Standing.Status.class);
        changes.add(c.build(cb, () -> new Standing.Change(from, status)));
      }
      Optional<LocalDate> since = f.optionalDate("customerSince");
      List<String> tags = f.texts("tags");
      List<Subscription> subs = new ArrayList<>();
      for (RecordFields s : f.objects("subscriptions")) {
        subs.add(SUBSCRIPTION.read(s));
      }
      BillingCycle c = cycle;
      Optional<LocalDate> a = anchor;
      return f.build(before, () -> account(id, currency, zone, c, a, changes, since, tags, subs));
    }

    @Override
    public void write(Account a, ObjectNode out) {
      out.put("id", a.id());
      out.put("currency", a.currency().getCode());
      out.put("zone", a.zone().getId());
      if (!a.billing().equals(BillingSchedule.monthly(a.zone()))) {
        ObjectNode b = out.putObject("billing");
        b.put("cycle", a.billing().cycle().name());
        optional(b, "anchor", a.billing().anchor());
      }
      if (!a.standing().changes().isEmpty()) {
        ArrayNode s = out.putArray("standing");
        for (Standing.Change c : a.standing().changes()) {
          s.addObject().put("from", c.from().toString()).put("status", c.status().name());
        }
      }
      optional(out, "customerSince", a.customerSince());
      sorted(out, "tags", a.tags());
      ArrayNode subs = out.putArray("subscriptions");
      a.subscriptions().forEach(s -> SUBSCRIPTION.write(s, subs.addObject()));
    }
  };

  static final RecordCodec<Subscription> SUBSCRIPTION = new RecordCodec<>() {
    @Override
    public Subscription read(RecordFields f) {
      int before = f.problemCount();
      f.allowOnly(SUBSCRIPTION_FIELDS);
      String id = f.text("id");
      String plan = f.text("plan");
      if (!f.has("prices")) {
        f.problem("prices", "is required");
      }
      List<Price> prices = new ArrayList<>();
      for (RecordFields p : f.objects("prices")) {
        int pb = p.problemCount();
        p.allowOnly(PRICE_FIELDS);
        LocalDate from = p.optionalDate("effectiveFrom").orElse(LocalDate.MIN);
        Money amount = p.money("amount");
        BillingCycle per = p.optionalEnum("per", BillingCycle.class).orElse(BillingCycle.MONTHLY);
        prices.add(p.build(pb, () -> Price.of(from, amount, per)));
      }
      Interval active = window(f, "active", true);
      List<Scope> placements = f.requiredTexts("placements", Scope::of);
      long seats = f.optionalInteger("seats", 1, Integer.MAX_VALUE).orElse(1L);
      List<String> tags = f.texts("tags");
      return f.build(before, () -> subscription(id, plan, prices, active, placements, seats, tags));
    }

    @Override
    public void write(Subscription s, ObjectNode out) {
      out.put("id", s.id());
      out.put("plan", s.plan());
      ArrayNode prices = out.putArray("prices");
      for (Price p : s.prices().prices()) {
        ObjectNode o = prices.addObject();
        if (!p.effectiveFrom().equals(LocalDate.MIN)) {
          o.put("effectiveFrom", p.effectiveFrom().toString());
        }
        money(o, "amount", p.amount());
        o.put("per", p.per().name());
      }
      window(out, "active", s.active());
      sorted(out, "placements", s.placements());
      if (s.seats() != 1) {
        out.put("seats", s.seats());
      }
      sorted(out, "tags", s.tags());
    }
  };

  /** An account from its fields as read. {@code cycle} is null when the line has no {@code billing}. */
  static Account account(String id, org.joda.money.CurrencyUnit currency, ZoneId zone, BillingCycle cycle,
      Optional<LocalDate> anchor, List<Standing.Change> changes, Optional<LocalDate> since, List<String> tags,
      List<Subscription> subs) {
    Account.Builder b = Account.builder().id(id).currency(currency).zone(zone)
        .standing(Standing.of(changes)).customerSince(since).addAllTags(tags).addAllSubscriptions(subs);
    if (cycle != null) {
      b.billing(anchor.isPresent() ? BillingSchedule.anniversary(cycle, anchor.get(), zone) : BillingSchedule.calendar(cycle, zone));
    }
    return b.build();
  }

  /** A subscription from its fields as read. */
  static Subscription subscription(String id, String plan, List<Price> prices, Interval active, List<Scope> placements,
      long seats, List<String> tags) {
    return Subscription.builder().id(id).plan(plan).prices(PriceSchedule.of(prices))
        .active(active).addAllPlacements(placements).seats((int) seats).addAllTags(tags).build();
  }

  static final RecordCodec<Outage> OUTAGE = new RecordCodec<>() {
    @Override
    public Outage read(RecordFields f) {
      int before = f.problemCount();
      f.allowOnly(Set.of("id", "scopes", "window", "kind", "announcement", "impact", "cause", "reportedAt", "tags"));
      String id = f.text("id");
      List<Scope> scopes = f.requiredTexts("scopes", Scope::of);
      Interval window = window(f, "window", true);
      OutageKind kind = f.optionalEnum("kind", OutageKind.class).orElse(OutageKind.UNPLANNED);
      Optional<Announcement> announcement = f.optionalObject("announcement").map(a -> {
        int ab = a.problemCount();
        a.allowOnly(Set.of("announcedAt", "window"));
        Instant at = a.instant("announcedAt");
        Interval promised = window(a, "window", false);
        return a.build(ab, () -> Announcement.of(at, promised));
      });
      Optional<Impact> impact = f.optionalObject("impact").map(i -> {
        int ib = i.problemCount();
        i.allowOnly(Set.of("level", "affectedShare"));
        Impact.Level level = i.enumValue("level", Impact.Level.class);
        Optional<Ratio> share = i.optionalRatio("affectedShare");
        return i.build(ib, () -> {
          Impact base = level == Impact.Level.FULL ? Impact.full() : Impact.degraded();
          return share.isPresent() ? base.withAffectedShare(share.get()) : base;
        });
      });
      Cause cause = f.optionalEnum("cause", Cause.class).orElse(Cause.PROVIDER);
      Optional<Instant> reportedAt = f.optionalInstant("reportedAt");
      List<String> tags = f.texts("tags");
      return f.build(before, () -> {
        Outage.Builder b = Outage.builder().id(id).addAllScopes(scopes).window(window).kind(kind)
            .announcement(announcement).cause(cause).reportedAt(reportedAt).addAllTags(tags);
        impact.ifPresent(b::impact);
        return b.build();
      });
    }

    @Override
    public void write(Outage o, ObjectNode out) {
      out.put("id", o.id());
      sorted(out, "scopes", o.scopes());
      window(out, "window", o.window());
      out.put("kind", o.kind().name());
      o.announcement().ifPresent(a -> {
        ObjectNode an = out.putObject("announcement");
        an.put("announcedAt", a.announcedAt().toString());
        window(an, "window", a.promisedWindow());
      });
      ObjectNode impact = out.putObject("impact");
      impact.put("level", o.impact().level().name());
      o.impact().affectedShare().ifPresent(s -> RecordCodec.ratio(impact, "affectedShare", s));
      out.put("cause", o.cause().name());
      optional(out, "reportedAt", o.reportedAt());
      sorted(out, "tags", o.tags());
    }
  };

  static final RecordCodec<TelemetrySample> TELEMETRY = new RecordCodec<>() {
    @Override
    public TelemetrySample read(RecordFields f) {
      int before = f.problemCount();
      f.allowOnly(Set.of("scope", "window", "good", "total", "errorRate"));
      Scope scope = f.text("scope", Scope::of);
      Interval window = window(f, "window", false);
      if (f.has("errorRate")) {
        if (f.has("good") || f.has("total")) {
          f.problem("errorRate", "cannot be given with good and total: a sample is counts or a rate");
        }
        Ratio rate = f.ratio("errorRate");
        return f.build(before, () -> TelemetrySample.ofErrorRate(scope, window, rate));
      }
      Long good = f.integer("good", 0, Long.MAX_VALUE);
      Long total = f.integer("total", 0, Long.MAX_VALUE);
      return f.build(before, () -> TelemetrySample.ofCounts(scope, window, good, total));
    }

    @Override
    public void write(TelemetrySample t, ObjectNode out) {
      out.put("scope", t.scope().path());
      window(out, "window", t.window());
      if (t.totalRequests().isPresent()) {
        out.put("good", t.goodRequests().getAsLong());
        out.put("total", t.totalRequests().getAsLong());
      } else {
        RecordCodec.ratio(out, "errorRate", t.errorRate().orElseThrow());
      }
    }
  };

  static final RecordCodec<AccountRecord<Claim>> CLAIM = forAccount(false, Set.of("id", "filedAt", "subscriptionId",
      "outageIds", "evidence"), f -> {
        int before = f.problemCount();
        String id = f.text("id");
        Instant filed = f.instant("filedAt");
        Optional<String> sub = f.optionalText("subscriptionId");
        List<String> outages = f.texts("outageIds");
        List<String> evidence = f.texts("evidence");
        return f.build(before, () -> Claim.builder().id(id).filedAt(filed).subscriptionId(sub)
            .addAllOutageIds(outages).addAllEvidence(evidence).build());
      }, (c, out) -> {
        out.put("id", c.id());
        out.put("filedAt", c.filedAt().toString());
        optional(out, "subscriptionId", c.subscriptionId());
        sorted(out, "outageIds", c.outageIds());
        RecordCodec.inOrder(out, "evidence", c.evidence());
      });

  static final RecordCodec<AccountRecord<IssuedCredit>> ISSUED = forAccount(true, Set.of("key", "amount", "policyId",
      "subscriptionId", "rulePath", "days", "outageIds"), f -> {
        int before = f.problemCount();
        String key = f.text("key");
        Money amount = f.money("amount");
        String policy = f.text("policyId");
        String sub = f.text("subscriptionId");
        String path = f.text("rulePath");
        Optional<Ratio> days = f.optionalRatio("days");
        List<String> outages = f.texts("outageIds");
        return f.build(before, () -> new IssuedCredit(key, amount, policy, sub, path, days, outages));
      }, (c, out) -> {
        out.put("key", c.key());
        money(out, "amount", c.amount());
        out.put("policyId", c.policyId());
        out.put("subscriptionId", c.subscriptionId());
        out.put("rulePath", c.rulePath());
        c.days().ifPresent(d -> RecordCodec.ratio(out, "days", d));
        if (!c.outageIds().isEmpty()) {
          RecordCodec.inOrder(out, "outageIds", c.outageIds());
        }
      });

  static final RecordCodec<AccountRecord<CarriedCredit>> CARRIED = forAccount(true, Set.of("subscriptionId",
      "policyId", "capPath", "amount"), f -> {
        int before = f.problemCount();
        String sub = f.text("subscriptionId");
        String policy = f.text("policyId");
        String path = f.text("capPath");
        Money amount = f.money("amount");
        return f.build(before, () -> new CarriedCredit(sub, policy, path, amount));
      }, RecordCodecs::carried);

  /** A carried credit's fields, as a carried-credits line and a decision's {@code carriedForward} write them. */
  static void carried(CarriedCredit c, ObjectNode out) {
    out.put("subscriptionId", c.subscriptionId());
    out.put("policyId", c.policyId());
    out.put("capPath", c.capPath());
    money(out, "amount", c.amount());
  }

  /**
   * A codec for records that belong to an account: {@code accountId} (and {@code periodStart} for
   * credits) first, then the record's own fields.
   */
  private static <T> RecordCodec<AccountRecord<T>> forAccount(boolean period, Set<String> fields,
      Function<RecordFields, T> read, BiConsumer<T, ObjectNode> write) {
    Set<String> allowed = new java.util.HashSet<>(fields);
    allowed.add("accountId");
    if (period) {
      allowed.add("periodStart");
    }
    Set<String> all = Set.copyOf(allowed);
    return new RecordCodec<>() {
      @Override
      public AccountRecord<T> read(RecordFields f) {
        int before = f.problemCount();
        f.allowOnly(all);
        String account = f.text("accountId");
        Optional<LocalDate> start = period ? Optional.ofNullable(f.date("periodStart")) : Optional.empty();
        T record = read.apply(f);
        return f.build(before, () -> new AccountRecord<>(account, start, record));
      }

      @Override
      public void write(AccountRecord<T> r, ObjectNode out) {
        out.put("accountId", r.accountId());
        r.periodStart().ifPresent(d -> out.put("periodStart", d.toString()));
        write.accept(r.record(), out);
      }
    };
  }
}
