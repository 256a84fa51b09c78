package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The baseline: what a performance engineer would write by hand for {@link Fleet}'s policy and
 * campaign, with none of the engine's generality. It produces the same lines as the engine (amount
 * rounded once half-up to the currency's scale, the engine's reason text, the engine's idempotency
 * key, the same rule path), which {@code HandWrittenTest} checks account by account, so the
 * throughput comparison in {@link FleetThroughput} is fair.
 *
 * <p>How it works. On creation it turns each outage record into the windows that can count under
 * the policy's measurement rules (excluded causes and degraded service dropped; announced
 * maintenance with at least 24 h notice cut down to the time outside its announced window), as
 * primitive {@code long} pairs grouped by scope. Each node is then measured once per batch and
 * billing period, the first time an account placed on it is met: the windows of the node, its
 * cluster and its service, clipped to the period, sorted and merged in primitive arrays. What the
 * SLA makes of that downtime (tier or blocks, the percentage, the rule path, the reason up to the
 * fee, whether the node is under the goodwill cluster) is kept with the node. Each price schedule's
 * fee in minor units and its text are worked out once, and the key's text after the subscription id
 * once per period and rule path. Per account it is then a look-up of the node, integer arithmetic in
 * minor units, and for a line only: the reason's concatenation, the key's SHA-256 over a reused
 * byte buffer into a reused digest array, and the line itself. An account without a line allocates
 * nothing. No trace, no breakdown, no exact fractions.
 *
 * <p>It relies on what the fleet guarantees: outage times to the millisecond, subscriptions
 * active throughout the month at a monthly price with one seat, one placement each. It is not
 * thread-safe (its caches, buffer and digest are its own); a batch run creates one.
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
  private static final byte[] CREDIT_PREFIX = utf8(join("amends-credit-v1", ""));
  private static final byte[] GRANT_PREFIX = utf8(join("amends-grant-v1", Fleet.CAMPAIGN_ID, ""));
  private static final byte[] GRANT_SUFFIX = utf8(join("", GRANT_PATH));

  /** Countable windows per scope: start and end in epoch milliseconds, in pairs. */
  private final Map<Scope, long[]> countable;
  private final Scope goodwillCluster;
  /** The nodes met so far, each with its index into {@link Period#nodes}. */
  private final Map<Scope, Integer> nodeIndex = new HashMap<>();
  private final List<Scope> nodeList = new ArrayList<>();
  /** The periods met so far; a fleet has one per zone, so a short list searched by identity. */
  private final List<Period> periods = new ArrayList<>(4);
  private final IdentityHashMap<PriceSchedule, Fee> fees = new IdentityHashMap<>();
  private final MessageDigest sha256;
  private final byte[] digest = new byte[32];
  private byte[] buffer = new byte[256];

  /** A price schedule's monthly fee: in minor units, and as the engine shows it. */
  private record Fee(long minor, String text) {}

  /** What the SLA makes of one node's downtime in one period, less the fee. */
  private record NodeOutcome(long percent, boolean tiers, String reasonPrefix, boolean goodwill) {}

  /** One billing period: its bounds, its key suffixes and the outcome of each node met. */
  private static final class Period {
    final BillingPeriod period;
    final long from;
    final long to;
    final byte[] tiersSuffix;
    final byte[] blocksSuffix;
    final boolean goodwillInside;
    NodeOutcome[] nodes = new NodeOutcome[64];

    Period(BillingPeriod period) {
      this.period = period;
      this.from = period.start().toEpochMilli();
      this.to = period.end().toEpochMilli();
      String dates = join("", period.startDate().toString(), period.endDate().toString(), period.zone().getId(),
          Fleet.POLICY_ID, "");
      this.tiersSuffix = utf8(dates + TIERS_PATH);
      this.blocksSuffix = utf8(dates + BLOCKS_PATH);
      this.goodwillInside = period.window().contains(Fleet.GOODWILL_AT);
    }
  }

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
    Period p = period(period);
    List<Subscription> subs = account.subscriptions();
    for (int i = 0; i < subs.size(); i++) {
      Subscription sub = subs.get(i);
      NodeOutcome node = outcome(p, sub.placements().iterator().next());
      if (node.percent > 0) {
        Line sla = sla(account, sub, p, node);
        if (sla != null) {
          sink.accept(sla);
        }
      }
    }
    if (p.goodwillInside) {
      for (int i = 0; i < subs.size(); i++) {
        Subscription sub = subs.get(i);
        if (outcome(p, sub.placements().iterator().next()).goodwill && sub.active().contains(Fleet.GOODWILL_AT)) {
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

  private Line sla(Account account, Subscription sub, Period p, NodeOutcome node) {
    CurrencyUnit currency = account.currency();
    Fee fee = fee(sub, currency);
    long percent = node.percent;
    String reason = node.reasonPrefix + fee.text;
    long hundredths = fee.minor * percent; // the exact credit in hundredths of a minor unit
    if (percent > 100) {
      reason = reason + "; capped from " + money(currency, hundredths, 2) + " to " + fee.text
          + " (limit 100 % of fee " + fee.text + ")";
      hundredths = fee.minor * 100;
    }
    long minor = (hundredths + 50) / 100; // half-up, once
    if (minor == 0) {
      return null;
    }
    String key = "cr-" + hash(CREDIT_PREFIX, account.id(), sub.id(), node.tiers ? p.tiersSuffix : p.blocksSuffix);
    return new Line(account.id(), sub.id(), Fleet.POLICY_ID, node.tiers ? TIERS_PATH : BLOCKS_PATH,
        Money.ofMinor(currency, minor), reason, key);
  }

  private Line grant(Account account, Subscription sub) {
    CurrencyUnit currency = account.currency();
    Fee fee = fee(sub, currency);
    String reason = "2 month(s) free at " + fee.text + " a month = " + money(currency, 2 * fee.minor, 0);
    String key = "gr-" + hash(GRANT_PREFIX, account.id(), sub.id(), GRANT_SUFFIX);
    return new Line(account.id(), sub.id(), Fleet.CAMPAIGN_ID, GRANT_PATH, Money.ofMinor(currency, 2 * fee.minor),
        reason, key);
  }

  /** The monthly fee of a subscription's price schedule, worked out once per schedule. */
  private Fee fee(Subscription sub, CurrencyUnit currency) {
    PriceSchedule prices = sub.prices();
    Fee fee = fees.get(prices);
    if (fee == null) {
      long minor = prices.prices().get(0).amount().getAmountMinorLong();
      fee = new Fee(minor, money(currency, minor, 0));
      fees.put(prices, fee);
    }
    return fee;
  }

  private Period period(BillingPeriod period) {
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).period == period) {
        return periods.get(i);
      }
    }
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).period.equals(period)) {
        return periods.get(i);
      }
    }
    Period p = new Period(period);
    periods.add(p);
    return p;
  }

  /** The SLA outcome of a node in a period, measured the first time the node is met in it. */
  private NodeOutcome outcome(Period p, Scope node) {
    Integer boxed = nodeIndex.get(node);
    int index;
    if (boxed == null) {
      index = nodeList.size();
      nodeList.add(node);
      nodeIndex.put(node, index);
    } else {
      index = boxed;
    }
    if (index >= p.nodes.length) {
      p.nodes = Arrays.copyOf(p.nodes, Math.max(index + 1, 2 * p.nodes.length));
    }
    NodeOutcome o = p.nodes[index];
    if (o == null) {
      o = measure(p, node);
      p.nodes[index] = o;
    }
    return o;
  }

  private NodeOutcome measure(Period p, Scope node) {
    long down = downtime(node, p.from, p.to);
    boolean goodwill = false;
    for (Scope s = node; s != null; s = s.parent().orElse(null)) {
      goodwill |= s.equals(goodwillCluster);
    }
    if (down == 0) {
      return new NodeOutcome(0, false, null, goodwill);
    }
    long total = p.to - p.from;
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
    if (tier > 0 && tier >= blockPercent) { // ties go to the tiers, the first child
      BigDecimal shown = BigDecimal.valueOf(Math.floorDiv(up * 1_000_000, total), 4).stripTrailingZeros();
      return new NodeOutcome(tier, true,
          "availability " + shown.toPlainString() + " % < " + upper + " % -> " + tier + " % of ", goodwill);
    }
    return new NodeOutcome(blockPercent, false, minutes(down) + " min down = " + blocks
        + " started block(s) of 30 min x 5 % = " + blockPercent + " % of ", goodwill);
  }

  /** Counted downtime of a node in a period, in ms: its own, its cluster's and its service's windows, merged. */
  private long downtime(Scope node, long from, long to) {
    int n = 0;
    for (Scope s = node; s != null; s = s.parent().orElse(null)) {
      long[] w = countable.get(s);
      if (w != null) {
        n += w.length / 2;
      }
    }
    // Clipped windows packed two longs a window, then sorted by start through an index order.
    long[] starts = new long[n];
    long[] ends = new long[n];
    int m = 0;
    for (Scope s = node; s != null; s = s.parent().orElse(null)) {
      long[] w = countable.get(s);
      if (w == null) {
        continue;
      }
      for (int k = 0; k < w.length; k += 2) {
        long s0 = Math.max(w[k], from);
        long e0 = Math.min(w[k + 1], to);
        if (s0 < e0) {
          // insertion sort by start: a node has a handful of windows
          int j = m - 1;
          while (j >= 0 && starts[j] > s0) {
            starts[j + 1] = starts[j];
            ends[j + 1] = ends[j];
            j--;
          }
          starts[j + 1] = s0;
          ends[j + 1] = e0;
          m++;
        }
      }
    }
    long sum = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (int i = 0; i < m; i++) {
      if (starts[i] > curEnd) {
        if (curEnd > curStart) {
          sum += curEnd - curStart;
        }
        curStart = starts[i];
        curEnd = ends[i];
      } else if (ends[i] > curEnd) {
        curEnd = ends[i];
      }
    }
    if (curEnd > curStart) {
      sum += curEnd - curStart;
    }
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

  /**
   * The key's hash: SHA-256 of prefix, account id, separator, subscription id and suffix (the ids
   * escaped and UTF-8 encoded into the reused buffer), its first 16 bytes in hex.
   */
  private String hash(byte[] prefix, String accountId, String subscriptionId, byte[] suffix) {
    int need = prefix.length + suffix.length + 1 + 6 * (accountId.length() + subscriptionId.length());
    if (need > buffer.length) {
      buffer = new byte[Math.max(need, 2 * buffer.length)];
    }
    System.arraycopy(prefix, 0, buffer, 0, prefix.length);
    int at = put(accountId, prefix.length);
    buffer[at++] = (byte) SEPARATOR;
    at = put(subscriptionId, at);
    System.arraycopy(suffix, 0, buffer, at, suffix.length);
    at += suffix.length;
    sha256.update(buffer, 0, at);
    try {
      sha256.digest(digest, 0, digest.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("a 32-byte array holds a SHA-256 digest", e);
    }
    return HEX.formatHex(digest, 0, 16);
  }

  /** Writes one key part, escaped, as UTF-8 into the buffer at {@code at}; returns where it ends. */
  private int put(String part, int at) {
    for (int k = 0; k < part.length(); k++) {
      char c = part.charAt(k);
      if (c == ESCAPE || c == SEPARATOR) {
        buffer[at++] = (byte) ESCAPE;
      }
      if (c < 0x80) {
        buffer[at++] = (byte) c;
      } else {
        // rare: not ASCII (a surrogate pair is encoded from its two halves together)
        int len = Character.isHighSurrogate(c) && k + 1 < part.length() ? 2 : 1;
        byte[] b = part.substring(k, k + len).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, buffer, at, b.length);
        at += b.length;
        k += len - 1;
      }
    }
    return at;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
