package dev.amends.cli;

import dev.amends.core.account.Account;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditLine;
import dev.amends.rules.LiabilitySummary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The summary of a {@code credit} run: the counts of the files read, and the run's {@link
 * LiabilitySummary} (credits per currency, plan, scope and rule, accounts credited, flags raised,
 * largest credits), printed as a table on standard error. The same model is written as JSON
 * ({@code --summary}) and drawn in the HTML report ({@code --report}).
 */
final class Summary {
  private long read;
  private long badAccountLines;
  private long refusedRequests;
  private long otherRejections;
  private final LiabilitySummary.Builder liability = LiabilitySummary.builder();

  /** A result, with the account of its request (null if unknown). */
  void add(Account account, BatchResult result) {
    liability.add(account, result);
  }

  /** An account read but refused before the engine saw it (no billing period starting in the month). */
  void refused() {
    refusedRequests++;
  }

  /** Non-blank lines of the accounts file. */
  long read() {
    return read;
  }

  /** The accounts file's counts: non-blank lines, and lines rejected. */
  void read(long lines, long rejected) {
    this.read = lines;
    this.badAccountLines = rejected;
  }

  /** Every rejection reported, in any file or request. */
  void badLines(long all) {
    this.otherRejections = all - badAccountLines - refusedRequests - liability.build().rejected();
  }

  /** The liability so far. */
  LiabilitySummary liability() {
    return liability.build();
  }

  /** The counts of the files read, for the report: accounts read, rejected. */
  Map<String, String> counts() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("accounts read", Long.toString(read));
    c.put("decided", Long.toString(liability().decided()));
    c.put("rejected", Long.toString(badAccountLines + refusedRequests + liability().rejected()));
    c.put("other bad lines", Long.toString(otherRejections));
    return c;
  }

  void print(PrintWriter err) {
    LiabilitySummary s = liability();
    err.println();
    err.println("Summary");
    row(err, "accounts read", Long.toString(read));
    row(err, "decided", Long.toString(s.decided()));
    // accounts read = decided + rejected; bad lines of the other files are not accounts
    row(err, "rejected", Long.toString(badAccountLines + refusedRequests + s.rejected()));
    row(err, "  bad account lines", Long.toString(badAccountLines));
    row(err, "  rejected requests", Long.toString(refusedRequests + s.rejected()));
    row(err, "other bad lines", Long.toString(otherRejections));
    row(err, "credit lines", Long.toString(s.creditLines()));
    row(err, "accounts credited", Long.toString(s.accountsCredited()));
    err.println("Credits per currency");
    s.totals().forEach(m -> row(err, "  " + m.getCurrencyUnit(), amount(m)));
    table(err, "Credits per plan", s.byPlan());
    table(err, "Credits per scope (placement)", s.byScope());
    table(err, "Credits per rule", s.byRule());
    err.println("Flags raised (decisions)");
    if (s.flags().isEmpty()) {
      row(err, "  none", "");
    }
    s.flags().forEach((f, n) -> row(err, "  " + f, Long.toString(n)));
    CurrencyUnit current = null;
    for (CreditLine l : s.largest()) {
      if (!l.amount().getCurrencyUnit().equals(current)) {
        current = l.amount().getCurrencyUnit();
        err.println("Largest credits (" + current + ", up to " + s.largestPerCurrency() + ")");
      }
      row(err, "  " + l.accountId() + " " + l.subscriptionId() + " " + l.rulePath(), amount(l.amount()));
    }
  }

  private static void table(PrintWriter err, String title, List<LiabilitySummary.Subtotal> rows) {
    err.println(title);
    rows.forEach(r -> row(err, "  " + r.label(), amount(r.amount())));
  }

  private static void row(PrintWriter err, String label, String value) {
    err.println(String.format("%-44s %16s", label, value));
  }

  private static String amount(Money m) {
    return m.getCurrencyUnit() + " " + m.getAmount().toPlainString();
  }
}
