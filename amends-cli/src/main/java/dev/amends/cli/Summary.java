package dev.amends.cli;

import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.scope.Scope;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The summary of a {@code credit} run: counts (accounts read = decided + rejected; bad lines of the
 * other files counted apart), and the credits' sums per currency, plan, scope and
 * rule, and the largest credits of each currency. Sums are exact ({@link Money#plus}); lines of
 * every kind count (a clawback is negative). Rows are sorted by their labels, so the same input
 * gives the same summary whatever the threads.
 */
final class Summary {
  /** How many of the largest credits are listed, per currency. */
  static final int LARGEST = 10;

  private static final Comparator<CreditLine> BY_SIZE =
      Comparator.comparing((CreditLine l) -> l.amount().getAmount()).thenComparing(CreditLine::key, Comparator.reverseOrder());

  private long read;
  private long badAccountLines;
  private long decided;
  private long rejectedRequests;
  private long otherRejections;
  private long lines;
  private final Map<CurrencyUnit, Money> byCurrency = new TreeMap<>();
  // hashed while adding up, sorted when printed
  private final Map<String, Map<CurrencyUnit, Money>> byPlan = new HashMap<>();
  private final Map<String, Map<CurrencyUnit, Money>> byScope = new HashMap<>();
  // keyed by the line's parts (hashes the strings already have), labelled when printed
  private final Map<Rule, Map<CurrencyUnit, Money>> byRule = new HashMap<>();
  private final Map<CurrencyUnit, PriorityQueue<CreditLine>> largest = new TreeMap<>();

  /** A rule a line came from: its policy, the policy's version and the rule's path. */
  private record Rule(String policyId, int version, String rulePath) {
    /** As the summary shows it: {@code fleet-sla v1 sla/best/blocks}. */
    String label() {
      return policyId + " v" + version + " " + rulePath;
    }
  }

  /** A decision, with the account it was made for (to find each line's plan and placements). */
  void decided(Account account, CreditDecision decision) {
    decided++;
    for (CreditLine l : decision.lines()) {
      lines++;
      Subscription s = subscription(account, l.subscriptionId());
      add(byCurrency, l.amount());
      add(byPlan.computeIfAbsent(s == null ? "(unknown)" : s.plan(), k -> new TreeMap<>()), l.amount());
      add(byScope.computeIfAbsent(s == null ? "(unknown)" : scope(s), k -> new TreeMap<>()), l.amount());
      add(byRule.computeIfAbsent(new Rule(l.policyId(), l.policyVersion(), l.rulePath()), k -> new TreeMap<>()),
          l.amount());
      PriorityQueue<CreditLine> top = largest.computeIfAbsent(l.amount().getCurrencyUnit(), k -> new PriorityQueue<>(BY_SIZE));
      if (top.size() < LARGEST || BY_SIZE.compare(l, top.peek()) > 0) {
        top.add(l);
        if (top.size() > LARGEST) {
          top.poll();
        }
      }
    }
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

  /** A subscription's placements, sorted, joined by {@code " + "}. */
  private static String scope(Subscription s) {
    if (s.placements().size() == 1) {
      return s.placements().iterator().next().toString();
    }
    return s.placements().stream().map(Scope::toString).sorted().collect(Collectors.joining(" + "));
  }

  /** Non-blank lines of the accounts file. */
  long read() {
    return read;
  }

  /** A request the engine rejected. */
  void rejected() {
    rejectedRequests++;
  }

  /** The accounts file's counts: non-blank lines, and lines rejected. */
  void read(long lines, long rejected) {
    this.read = lines;
    this.badAccountLines = rejected;
  }

  /** Every rejection reported, in any file or request. */
  void badLines(long all) {
    this.otherRejections = all - badAccountLines - rejectedRequests;
  }

  void print(PrintWriter err) {
    err.println();
    err.println("Summary");
    row(err, "accounts read", Long.toString(read));
    row(err, "decided", Long.toString(decided));
    // accounts read = decided + rejected; bad lines of the other files are not accounts
    row(err, "rejected", Long.toString(badAccountLines + rejectedRequests));
    row(err, "  bad account lines", Long.toString(badAccountLines));
    row(err, "  rejected requests", Long.toString(rejectedRequests));
    row(err, "other bad lines", Long.toString(otherRejections));
    row(err, "credit lines", Long.toString(lines));
    err.println("Credits per currency");
    byCurrency.values().forEach(m -> row(err, "  " + m.getCurrencyUnit(), amount(m)));
    table(err, "Credits per plan", byPlan);
    table(err, "Credits per scope (placement)", byScope);
    Map<String, Map<CurrencyUnit, Money>> rules = new HashMap<>();
    byRule.forEach((rule, sums) -> sums.values().forEach(m -> add(rules.computeIfAbsent(rule.label(), k -> new TreeMap<>()), m)));
    table(err, "Credits per rule", rules);
    for (var e : largest.entrySet()) {
      err.println("Largest credits (" + e.getKey() + ", up to " + LARGEST + ")");
      List<CreditLine> top = new ArrayList<>(e.getValue());
      top.sort(BY_SIZE.reversed());
      for (CreditLine l : top) {
        row(err, "  " + l.accountId() + " " + l.subscriptionId() + " " + l.rulePath(), amount(l.amount()));
      }
    }
  }

  private static void table(PrintWriter err, String title, Map<String, Map<CurrencyUnit, Money>> rows) {
    err.println(title);
    new TreeMap<>(rows).forEach((label, sums) -> sums.values().forEach(m -> row(err, "  " + label, amount(m))));
  }

  private static void row(PrintWriter err, String label, String value) {
    err.println(String.format("%-44s %16s", label, value));
  }

  private static String amount(Money m) {
    return m.getCurrencyUnit() + " " + m.getAmount().toPlainString();
  }

  private static void add(Map<CurrencyUnit, Money> sums, Money amount) {
    sums.merge(amount.getCurrencyUnit(), amount, Money::plus);
  }
}
