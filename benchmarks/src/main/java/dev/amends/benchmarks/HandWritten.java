package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The baseline: what a developer would write by hand for {@link Fleet}'s policy and campaign,
 * with none of the engine's generality. It produces the same lines as the engine (amount rounded
 * once half-up to the currency's scale, the engine's reason text, the engine's idempotency key,
 * the same rule path), which {@code HandWrittenTest} checks account by account, so the
 * throughput comparison in {@link FleetThroughput} is fair.
 *
 * <p>How it differs from the engine: on creation it turns each outage record into the windows
 * that can count under the policy's measurement rules (excluded causes and degraded service
 * dropped; announced maintenance with at least 24 h notice cut down to the time outside its
 * announced window), grouped by scope; per node and billing period it then merges once the
 * windows of the node, its cluster and its service, clipped to the period, and caches the
 * downtime in milliseconds. Per account it does integer arithmetic in minor units, builds the
 * reason, and hashes the key with one reused {@link MessageDigest}. No trace, no breakdown, no
 * exact fractions.
 *
 * <p>It relies on what the fleet guarantees: outage times to the millisecond, subscriptions
 * active throughout the month at a monthly price with one seat, one placement each. It is not
 * thread-safe (the cache and the digest are its own); a batch run creates one.
 */
public final class HandWritten {
  /** One credit line: the parts the engine's {@link dev.amends.rules.CreditLine} is compared on. */
  public record Line(String accountId, String subscriptionId, String policyId, String rulePath, Money amount,
      String reason, String key) {}

  private static final long BLOCK_MS = 30L * 60 * 1000;
  private static final char ESCAPE = '\u001e';
  private static final char SEPARATOR = '\u001f';
  private static final HexFormat HEX = HexFormat.of();
  private static final String TIERS_PATH = "sla/best/tiers";
  private static final String BLOCKS_PATH = "sla/best/blocks";
  private static final String GRANT_PATH = Fleet.CAMPAIGN_ID + "/two-months";

  /** Countable windows per scope: start and end in epoch milliseconds, in pairs. */
  private final Map<Scope, long[]> countable;
  private final Scope goodwillCluster;
  private final Map<BillingPeriod, Map<Scope, Long>> downtimeCache = new HashMap<>();
  private final MessageDigest sha256;

  /**
   * A baseline for a fleet, ready for one batch run.
   *
   * @param fleet the fleet, not null
   */
  public HandWritten(Fleet fleet) {
    this(fleet.outages(), fleet.goodwillCluster());
  }

  HandWritten(List<Outage> outages, Scope goodwillCluster) {
    this.goodwillCluster = goodwillCluster;
    Map<Scope, long[]> byScope = new HashMap<>();
    Map<Scope, Integer> used = new HashMap<>();
    for (Outage o : outages) {
      long start = o.window().getStart().toEpochMilli();
      long end = o.window().getEnd().toEpochMilli();
      if (o.cause() == Cause.CUSTOMER || o.cause() == Cause.FORCE_MAJEURE
          || o.impact().level() == Impact.Level.DEGRADED) {
        continue;
      }
      long[] pieces;
      if (o.kind() == OutageKind.MAINTENANCE && o.announcement().isPresent()
          && o.announcement().get().notice().compareTo(Fleet.NOTICE) >= 0) {
        Announcement a = o.announcement().get();
        long ps = a.promisedWindow().getStart().toEpochMilli();
        long pe = a.promisedWindow().getEnd().toEpochMilli();
        // What lies outside the announced window counts: before it and after it (the overrun).
        pieces = new long[] {start, Math.min(end, ps), Math.max(start, pe), end};
      } else {
        pieces = new long[] {start, end};
      }
      for (Scope s : o.scopes()) {
        for (int k = 0; k < pieces.length; k += 2) {
          if (pieces[k] < pieces[k + 1]) {
            long[] arr = byScope.computeIfAbsent(s, x -> new long[8]);
            int n = used.getOrDefault(s, 0);
            if (n + 2 > arr.length) {
              arr = Arrays.copyOf(arr, arr.length * 2);
              byScope.put(s, arr);
            }
            arr[n] = pieces[k];
            arr[n + 1] = pieces[k + 1];
            used.put(s, n + 2);
          }
        }
      }
    }
    Map<Scope, long[]> trimmed = new HashMap<>();
    byScope.forEach((s, arr) -> trimmed.put(s, Arrays.copyOf(arr, used.get(s))));
    this.countable = trimmed;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /**
   * The lines of one account for one period, handed to {@code sink} in the engine's order: per
   * subscription the SLA line, then the goodwill lines.
   *
   * @param account the account, not null
   * @param period its billing period, not null
   * @param sink receives each line, not null
   */
  public void decide(Account account, BillingPeriod period, Consumer<Line> sink) {
    for (Subscription sub : account.subscriptions()) {
      Line sla = sla(account, sub, period);
      if (sla != null) {
        sink.accept(sla);
      }
    }
    if (period.window().contains(Fleet.GOODWILL_AT)) {
      for (Subscription sub : account.subscriptions()) {
        if (sub.active().contains(Fleet.GOODWILL_AT) && sub.isPlacedUnder(goodwillCluster)) {
          sink.accept(grant(account, sub));
        }
      }
    }
  }

  /** The lines of one account, as a list. */
  public List<Line> decide(Account account, BillingPeriod period) {
    List<Line> out = new ArrayList<>(2);
    decide(account, period, out::add);
    return out;
  }

  private Line sla(Account account, Subscription sub, BillingPeriod period) {
    Scope node = sub.placements().iterator().next();
    long down = downtime(node, period);
    if (down == 0) {
      return null;
    }
    long total = period.length().toMillis();
    long up = total - down;
    // Tiers, compared exactly in integers: [99, 99.9) -> 10, [95, 99) -> 25, [0, 95) -> 100.
    int tier;
    String upper;
    if (up * 1000 >= 999 * total) {
      tier = 0;
      upper = null;
    } else if (up * 100 >= 99 * total) {
      tier = 10;
      upper = "99.9";
    } else if (up * 100 >= 95 * total) {
      tier = 25;
      upper = "99";
    } else {
      tier = 100;
      upper = "95";
    }
    long blocks = (down + BLOCK_MS - 1) / BLOCK_MS;
    long blockPercent = 5 * blocks;
    CurrencyUnit currency = account.currency();
    long fee = sub.prices().prices().get(0).amount().getAmountMinorLong();
    String feeText = money(currency, fee, 0);
    String path;
    long percent;
    String reason;
    if (tier > 0 && tier >= blockPercent) { // ties go to the tiers, the first child
      path = TIERS_PATH;
      percent = tier;
      BigDecimal shown = BigDecimal.valueOf(Math.floorDiv(up * 1_000_000, total), 4).stripTrailingZeros();
      reason = "availability " + shown.toPlainString() + " % < " + upper + " % -> " + tier + " % of " + feeText;
    } else {
      path = BLOCKS_PATH;
      percent = blockPercent;
      reason = minutes(down) + " min down = " + blocks + " started block(s) of 30 min x 5 % = " + blockPercent
          + " % of " + feeText;
    }
    long hundredths = fee * percent; // the exact credit in hundredths of a minor unit
    if (percent > 100) {
      reason = reason + "; capped from " + money(currency, hundredths, 2) + " to " + feeText
          + " (limit 100 % of fee " + feeText + ")";
      hundredths = fee * 100;
    }
    long minor = (hundredths + 50) / 100; // half-up, once
    if (minor == 0) {
      return null;
    }
    String key = "cr-" + hash(join("amends-credit-v1", account.id(), sub.id(), period.startDate().toString(),
        period.endDate().toString(), period.zone().getId(), Fleet.POLICY_ID, path));
    return new Line(account.id(), sub.id(), Fleet.POLICY_ID, path, Money.ofMinor(currency, minor), reason, key);
  }

  private Line grant(Account account, Subscription sub) {
    CurrencyUnit currency = account.currency();
    long monthly = sub.prices().prices().get(0).amount().getAmountMinorLong();
    String reason = "2 month(s) free at " + money(currency, monthly, 0) + " a month = "
        + money(currency, 2 * monthly, 0);
    String key = "gr-" + hash(join("amends-grant-v1", Fleet.CAMPAIGN_ID, account.id(), sub.id(), GRANT_PATH));
    return new Line(account.id(), sub.id(), Fleet.CAMPAIGN_ID, GRANT_PATH, Money.ofMinor(currency, 2 * monthly),
        reason, key);
  }

  /** Counted downtime of a node in a period, in ms: its own, its cluster's and its service's windows, merged. */
  private long downtime(Scope node, BillingPeriod period) {
    Map<Scope, Long> perNode = downtimeCache.computeIfAbsent(period, p -> new HashMap<>());
    Long cached = perNode.get(node);
    if (cached != null) {
      return cached;
    }
    long from = period.start().toEpochMilli();
    long to = period.end().toEpochMilli();
    List<long[]> sources = new ArrayList<>(3);
    int n = 0;
    for (Scope s = node; s != null; s = s.parent().orElse(null)) {
      long[] w = countable.get(s);
      if (w != null) {
        sources.add(w);
        n += w.length / 2;
      }
    }
    long[] starts = new long[n];
    long[] ends = new long[n];
    int m = 0;
    for (long[] w : sources) {
      for (int k = 0; k < w.length; k += 2) {
        long s = Math.max(w[k], from);
        long e = Math.min(w[k + 1], to);
        if (s < e) {
          starts[m] = s;
          ends[m] = e;
          m++;
        }
      }
    }
    // Sort by start (indices packed with the start would overflow; sort an index array instead).
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
    long sum = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (int idx : order) {
      if (starts[idx] > curEnd) {
        if (curEnd > curStart) {
          sum += curEnd - curStart;
        }
        curStart = starts[idx];
        curEnd = ends[idx];
      } else if (ends[idx] > curEnd) {
        curEnd = ends[idx];
      }
    }
    if (curEnd > curStart) {
      sum += curEnd - curStart;
    }
    perNode.put(node, sum);
    return sum;
  }

  /**
   * Money as the engine shows it ({@code ExactMoney.toDisplay(4)}): {@code units} in
   * 10<sup>-(scale + extra)</sup> of the currency, trailing zeros past its scale dropped.
   */
  private static String money(CurrencyUnit currency, long units, int extra) {
    int scale = currency.getDecimalPlaces();
    BigDecimal v = BigDecimal.valueOf(units, scale + extra).stripTrailingZeros();
    if (v.scale() < scale) {
      v = v.setScale(scale, RoundingMode.UNNECESSARY);
    }
    return currency.getCode() + " " + v.toPlainString();
  }

  /** Minutes to at most 4 decimals, half-up, as the engine shows them. */
  private static String minutes(long millis) {
    BigDecimal d = BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
  }

  private String hash(String text) {
    byte[] h = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(h, 0, 16);
  }

  /** The parts joined with U+001F, each escaped as the engine's keys are. */
  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder(128);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append(SEPARATOR);
      }
      String p = parts[i];
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c == ESCAPE || c == SEPARATOR) {
          sb.append(ESCAPE);
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
