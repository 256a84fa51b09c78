package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.internal.Checks;
import dev.amends.core.scope.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What a run of decisions owes, summed up for a person or a provider's backend: totals per
 * currency, per plan, per scope and per rule; how many accounts were credited; the largest
 * credits; and how many decisions raised each {@link DecisionFlag}.
 *
 * <pre>{@code
 * LiabilitySummary.Builder b = LiabilitySummary.builder();
 * engine.decideAll(requests, options).forEachRemaining(r -> b.add(accountOf(r), r));
 * LiabilitySummary summary = b.build();
 * summary.totals();            // [EUR 3.00, USD 11.50]
 * summary.accountsCredited();  // 4
 * }</pre>
 *
 * <p>Sums are exact ({@link Money#plus}); every line counts, whatever its kind (a clawback is
 * negative). A line's plan and scope are those of its subscription in the account given with its
 * decision; its scope is the subscription's placements, sorted and joined with {@code " + "}; its
 * rule is {@code policyId vVersion rulePath}, with the outage a {@link PerOutage} node adds to a
 * line's path left out ({@code each[INC-7]/fifty-times} sums under {@code each/fifty-times}), so
 * that a rule is one row however many outages it credited. Every list is sorted (subtotals by label, then
 * currency code; the largest credits by currency code, then amount, largest first, then key), so
 * the same results give the same summary in whatever order they were added: a batch decided on
 * any number of threads summarises the same. Immutable and thread-safe once built.
 */
public final class LiabilitySummary {
  /** How many of the largest credits are kept per currency unless the builder says otherwise. */
  public static final int DEFAULT_LARGEST = 10;

  /** The label of a line whose subscription is not in the account given with its decision. */
  public static final String UNKNOWN = "(unknown)";

  /** Smallest first, so that a queue's head is the one to drop; ties: the greater key first. */
  private static final Comparator<CreditLine> ASCENDING =
      Comparator.comparing((CreditLine l) -> l.amount().getAmount())
          .thenComparing(CreditLine::key, Comparator.reverseOrder());

  private final long decided;
  private final long rejected;
  private final long creditLines;
  private final long accountsCredited;
  private final int largestPerCurrency;
  private final List<Money> totals;
  private final List<Subtotal> byPlan;
  private final List<Subtotal> byScope;
  private final List<Subtotal> byRule;
  private final Map<DecisionFlag, Long> flags;
  private final List<CreditLine> largest;

  private LiabilitySummary(Builder b) {
    this.decided = b.decided;
    this.rejected = b.rejected;
    this.creditLines = b.creditLines;
    this.accountsCredited = b.accountsCredited;
    this.largestPerCurrency = b.largestPerCurrency;
    List<Money> t = new ArrayList<>();
    if (b.totals != null) {
      b.totals.sorted().forEach(sum -> t.add(sum.money()));
    }
    this.totals = List.copyOf(t);
    this.byPlan = subtotals(b.byPlan);
    Map<String, Sums> scopes = new HashMap<>();
    b.byScope.forEach((scope, sums) -> scopes.merge(scope.toString(), sums, (one, other) -> {
      Sums both = new Sums(one.currency()); // not one of the builder's, which may go on
      both.addAll(one);
      both.addAll(other);
      return both;
    }));
    this.byScope = subtotals(scopes);
    Map<String, Sums> rules = new HashMap<>();
    b.byRule.forEach((rule, sums) -> rules.put(rule.label(), sums));
    this.byRule = subtotals(rules);
    this.flags = b.flags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.flags));
    List<CreditLine> top = new ArrayList<>();
    for (PriorityQueue<CreditLine> q : b.largest.values()) {
      List<CreditLine> one = new ArrayList<>(q);
      one.sort(ASCENDING.reversed());
      top.addAll(one);
    }
    this.largest = List.copyOf(top);
  }

  /** A builder that keeps the {@value #DEFAULT_LARGEST} largest credits per currency. */
  public static Builder builder() {
    return new Builder();
  }

  /** Decisions added. */
  public long decided() {
    return decided;
  }

  /** Rejected requests added. */
  public long rejected() {
    return rejected;
  }

  /** Credit lines in all the decisions, of every kind. */
  public long creditLines() {
    return creditLines;
  }

  /** Decisions with at least one line of more than zero: the accounts credited. */
  public long accountsCredited() {
    return accountsCredited;
  }

  /** How many of the largest credits {@link #largest()} keeps per currency. */
  public int largestPerCurrency() {
    return largestPerCurrency;
  }

  /** The sum of all lines per currency, sorted by currency code; currencies without lines are absent. */
  public List<Money> totals() {
    return totals;
  }

  /** The sums per plan, sorted by plan, then currency code. */
  public List<Subtotal> byPlan() {
    return byPlan;
  }

  /** The sums per scope (a subscription's placements), sorted by scope, then currency code. */
  public List<Subtotal> byScope() {
    return byScope;
  }

  /** The sums per rule ({@code policyId vVersion rulePath}), sorted by rule, then currency code. */
  public List<Subtotal> byRule() {
    return byRule;
  }

  /** How many decisions raised each flag, in the flags' declared order; flags never raised are absent. */
  public Map<DecisionFlag, Long> flags() {
    return flags;
  }

  /**
   * The largest lines of each currency, at most {@link #largestPerCurrency()} of each: sorted by
   * currency code, then amount, largest first, then key.
   */
  public List<CreditLine> largest() {
    return largest;
  }

  @Override
  public String toString() {
    return "LiabilitySummary(" + decided + " decided, " + rejected + " rejected, " + accountsCredited
        + " accounts credited, " + totals + ")";
  }

  /** The rows sorted by label, then currency. */
  private static List<Subtotal> subtotals(Map<String, Sums> sums) {
    List<Subtotal> out = new ArrayList<>();
    new TreeMap<>(sums).forEach((label, perCurrency) -> perCurrency.sorted().forEach(m -> out.add(new Subtotal(label, m.money()))));
    return List.copyOf(out);
  }

  /**
   * A running sum of money in one currency, exact: whole minor units in a {@code long} while they
   * fit (a fleet adds millions of lines; adding {@link Money} makes two objects a line), a {@link
   * java.math.BigDecimal} once they would not.
   */
  static class Sum {
    private final CurrencyUnit currency;
    private long minor;
    private java.math.BigDecimal big;

    Sum(CurrencyUnit currency) {
      this.currency = currency;
    }

    /** The currency summed. */
    final CurrencyUnit currency() {
      return currency;
    }

    void add(Money amount) {
      if (big == null) {
        try {
          minor = Math.addExact(minor, amount.getAmountMinorLong());
          return;
        } catch (ArithmeticException tooLarge) {
          big = Money.zero(currency).plusMinor(minor).getAmount();
        }
      }
      big = big.add(amount.getAmount());
    }

    Money money() {
      return big == null ? Money.zero(currency).plusMinor(minor) : Money.zero(currency).plus(big);
    }
  }

  /**
   * The running sums of one row (a breakdown's plan, scope or rule, or the totals), one per
   * currency: the sum of the first currency met is this object itself, the others (a run has a
   * few currencies) in a short array found by identity ({@link CurrencyUnit}s are shared
   * instances; equality is the fallback). A fleet has thousands of rows, each looked up for every
   * line: one object a row, where a map per row cost a tree walk with two code comparisons and
   * three more objects to fetch from memory.
   */
  static final class Sums extends Sum {
    private Sum[] others;

    /** Sums whose first currency is {@code currency}. */
    Sums(CurrencyUnit currency) {
      super(currency);
    }

    /** Adds an amount to the sum of its currency. */
    @Override
    void add(Money amount) {
      CurrencyUnit currency = amount.getCurrencyUnit();
      if (currency == currency() || currency.equals(currency())) {
        super.add(amount);
      } else {
        other(currency).add(amount);
      }
    }

    /** Adds every sum of another row. */
    void addAll(Sums more) {
      for (Sum sum : more.all()) {
        add(sum.money());
      }
    }

    /** The sum of a currency other than the first, made when first met. */
    private Sum other(CurrencyUnit currency) {
      int size = others == null ? 0 : others.length;
      for (int i = 0; i < size; i++) {
        if (others[i].currency() == currency) {
          return others[i];
        }
      }
      for (int i = 0; i < size; i++) {
        if (others[i].currency().equals(currency)) {
          return others[i];
        }
      }
      others = others == null ? new Sum[1] : java.util.Arrays.copyOf(others, size + 1);
      others[size] = new Sum(currency);
      return others[size];
    }

    /** Every sum, the first currency's first. */
    private List<Sum> all() {
      List<Sum> all = new ArrayList<>();
      all.add(this);
      if (others != null) {
        all.addAll(java.util.Arrays.asList(others));
      }
      return all;
    }

    /** The sums sorted by currency code, as a map by currency would give them. */
    List<Sum> sorted() {
      List<Sum> sorted = all();
      sorted.sort(Comparator.comparing(Sum::currency));
      return sorted;
    }
  }

  /**
   * One row of a breakdown: a label (a plan, a scope or a rule) and the sum of its lines in one
   * currency.
   *
   * @param label the plan, scope or rule, not null
   * @param amount the exact sum, not null
   */
  public record Subtotal(String label, Money amount) {
    /** Checks both are there. */
    public Subtotal {
      Checks.notNull("label", label);
      Checks.notNull("amount", amount);
    }
  }

  /**
   * Adds results one at a time, then builds the summary. Not thread-safe: add the results of a
   * batch as its iterator gives them, on one thread.
   */
  public static final class Builder {
    private long decided;
    private long rejected;
    private long creditLines;
    private long accountsCredited;
    private int largestPerCurrency = DEFAULT_LARGEST;
    /** Null until the first line. */
    private Sums totals;
    // hashed while adding up (a fleet has thousands of scopes), sorted when built
    private final Map<String, Sums> byPlan = new HashMap<>();
    /**
     * By a subscription's one placement (its {@link Scope}, which keeps its hash), or by the label
     * of several: labelled (and merged by label) when built.
     */
    private final Map<Object, Sums> byScope = new HashMap<>();
    private final Map<RuleKey, Sums> byRule = new HashMap<>();
    /**
     * The rules met last and their sums, looked up by the identity of the key's strings first: a
     * run's lines come from a few rules whose ids and paths are the same strings line after line,
     * so most lines find their rule here without making and hashing a key.
     */
    private final RuleKey[] recentRules = new RuleKey[4];
    private final Sums[] recentRuleSums = new Sums[4];
    private int nextRecent;
    private final Map<DecisionFlag, Long> flags = new EnumMap<>(DecisionFlag.class);
    private final Map<CurrencyUnit, PriorityQueue<CreditLine>> largest = new TreeMap<>();

    private Builder() {}

    /**
     * How many of the largest credits to keep per currency.
     *
     * @param n zero or more
     * @return this builder
     * @throws InvalidInputException naming {@code largestPerCurrency} if {@code n} is negative
     */
    public Builder largestPerCurrency(int n) {
      if (n < 0) {
        throw InvalidInputException.of("largestPerCurrency", "must be zero or more", n);
      }
      this.largestPerCurrency = n;
      return this;
    }

    /**
     * Adds one result of a batch, with the account of its request.
     *
     * @param account the account decided, which gives each line's plan and scope; may be null for
     *     a rejected request
     * @param result the result, not null
     * @return this builder
     * @throws InvalidInputException naming {@code account} if a decision comes without its
     *     account, or with another account
     */
    public Builder add(Account account, BatchResult result) {
      switch (Checks.notNull("result", result)) {
        case BatchResult.Decided d -> add(account, d.decision());
        case BatchResult.Rejected r -> rejected++;
      }
      return this;
    }

    /**
     * Adds one decision, with the account it was made for.
     *
     * @param account the account decided, which gives each line's plan and scope, not null
     * @param decision the decision, not null
     * @return this builder
     * @throws InvalidInputException naming {@code account} if it is missing or is not the
     *     decision's account
     */
    public Builder add(Account account, CreditDecision decision) {
      Checks.notNull("decision", decision);
      if (account == null || !account.id().equals(decision.accountId())) {
        throw InvalidInputException.of("account", "must be the account of the decision, " + decision.accountId(),
            account == null ? "null" : account.id());
      }
      decided++;
      boolean credited = false;
      String subscriptionId = null; // lines come by subscription: look each one up once
      Sums plan = null;
      Sums scope = null;
      for (CreditLine l : decision.lines()) {
        creditLines++;
        credited |= l.amount().isPositive();
        Money amount = l.amount();
        if (!l.subscriptionId().equals(subscriptionId)) {
          subscriptionId = l.subscriptionId();
          Subscription s = subscription(account, subscriptionId);
          plan = row(byPlan, s == null ? UNKNOWN : s.plan(), amount);
          scope = row(byScope, s == null ? UNKNOWN : scopeKey(s), amount);
        }
        if (totals == null) {
          totals = new Sums(amount.getCurrencyUnit());
        }
        totals.add(amount);
        plan.add(amount);
        scope.add(amount);
        rule(l.policyId(), l.policyVersion(), nodePath(l.rulePath(), l.outageIds()), amount).add(amount);
        if (largestPerCurrency > 0) {
          PriorityQueue<CreditLine> top = largest.computeIfAbsent(amount.getCurrencyUnit(), k -> new PriorityQueue<>(ASCENDING));
          if (top.size() < largestPerCurrency || ASCENDING.compare(l, top.peek()) > 0) {
            top.add(l);
            if (top.size() > largestPerCurrency) {
              top.poll();
            }
          }
        }
      }
      if (credited) {
        accountsCredited++;
      }
      decision.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
      return this;
    }

    /** The summary of everything added so far; the builder may go on. */
    public LiabilitySummary build() {
      return new LiabilitySummary(this);
    }

    /** The account's first subscription with this id, or null. */
    private static Subscription subscription(Account account, String id) {
      for (Subscription s : account.subscriptions()) {
        if (s.id().equals(id)) {
          return s;
        }
      }
      return null;
    }

    /** A row of a breakdown, made for the currency of its first amount if new. */
    private static <K> Sums row(Map<K, Sums> rows, K key, Money first) {
      Sums sums = rows.get(key);
      if (sums == null) {
        sums = new Sums(first.getCurrencyUnit());
        rows.put(key, sums);
      }
      return sums;
    }

    /** The subscription's one placement, or the label of its several. */
    private static Object scopeKey(Subscription s) {
      if (s.placements().size() == 1) {
        return s.placements().iterator().next();
      }
      return s.placements().stream().map(Scope::toString).sorted().collect(Collectors.joining(" + "));
    }

    /** The sums of a rule: one met lately, found by identity, or the map's. */
    private Sums rule(String policyId, int version, String rulePath, Money first) {
      for (int i = 0; i < recentRules.length; i++) {
        RuleKey k = recentRules[i];
        if (k != null && k.policyId() == policyId && k.version() == version && k.rulePath() == rulePath) {
          return recentRuleSums[i];
        }
      }
      RuleKey key = new RuleKey(policyId, version, rulePath);
      Sums sums = row(byRule, key, first);
      recentRules[nextRecent] = key;
      recentRuleSums[nextRecent] = sums;
      nextRecent = (nextRecent + 1) % recentRules.length;
      return sums;
    }

    /** A rule as the sums key it, its label made only when the summary is built. */
    /**
     * A line's rule path without the outage id {@link PerOutage} puts in brackets after its node
     * id ({@code each[INC-7]/x} is {@code each/x}). A line under a per-outage node rests on that
     * one outage ({@code outageIds}), and node ids hold no {@code [}: so each {@code [id]} is
     * removed as it stands, whatever the id holds ({@code each[INC]/7]/x} is {@code each/x} too).
     * For a line that names no single outage (a full clawback, which names none), see {@link
     * #nodePath(String)}.
     */
    static String nodePath(String rulePath, List<String> outageIds) {
      if (rulePath.indexOf('[') < 0) {
        return rulePath;
      }
      return outageIds.size() == 1 ? rulePath.replace("[" + outageIds.get(0) + "]", "") : nodePath(rulePath);
    }

    /**
     * A rule path without its outage parts, the outage not known: each {@code [} opens one (node ids
     * hold none), and it ends at the first {@code ]} after which the path goes on with node ids only
     * ({@code /id/id}) up to its end or the next outage part, so an id holding {@code ]/} does not
     * end it early ({@code each[INC]/7]/x} is {@code each/x}). Only an outage id that itself holds
     * {@code ]/}, node ids and {@code [} can still be read two ways; {@link #nodePath(String, List)}
     * knows the outage and reads every id exactly.
     */
    static String nodePath(String rulePath) {
      return rulePath.indexOf('[') < 0 ? rulePath : OUTAGE_PART.matcher(rulePath).replaceAll("");
    }

    /**
     * An outage's part of a rule path: {@code [}, the shortest id, {@code ]}, then node ids up to
     * the end or a {@code [}. The Spark summary (amends-spark's {@code SparkLiability}) uses the same.
     */
    private static final java.util.regex.Pattern OUTAGE_PART =
        java.util.regex.Pattern.compile("\\[.*?\\](?=(?:/[A-Za-z0-9._-]+)*(?:\\[|$))");

    private record RuleKey(String policyId, int version, String rulePath) {
      String label() {
        return policyId + " v" + version + " " + rulePath;
      }
    }
  }
}
