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
  /** The summary built from what was added, once: building sorts every breakdown. */
  private LiabilitySummary built;

  /** A result, with the account of its request (null if unknown). */
  void add(Account account, BatchResult result) {
    liability.add(account, result);
    built = null;
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
    this.otherRejections = all - rejected();
  }

  /** The liability so far. */
  LiabilitySummary liability() {
    if (built == null) {
      built = liability.build();
    }
    return built;
  }

  /** The counts of the files read, for the report: accounts read, rejected. */
  Map<String, String> counts() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("accounts read", Long.toString(read));
    c.put("rejected", Long.toString(rejected()));
    c.put("other bad lines", Long.toString(otherRejections));
    return c;
  }

  void print(PrintWriter err) {
    LiabilitySummary s = liability();
    Table t = new Table();
    t.title("Summary");
    t.row("accounts read", Long.toString(read));
    t.row("decided", Long.toString(s.decided()));
    // accounts read = decided + rejected; bad lines of the other files are not accounts
    t.row("rejected", Long.toString(rejected()));
    t.row("  bad account lines", Long.toString(badAccountLines));
    t.row("  rejected requests", Long.toString(refusedRequests + s.rejected()));
    t.row("other bad lines", Long.toString(otherRejections));
    t.row("credit lines", Long.toString(s.creditLines()));
    t.row("accounts credited", Long.toString(s.accountsCredited()));
    t.title("Credits per currency");
    if (s.totals().isEmpty()) {
      t.row("  none", "");
    }
    s.totals().forEach(m -> t.row("  " + m.getCurrencyUnit(), amount(m)));
    t.subtotals("Credits per plan", s.byPlan());
    t.subtotals("Credits per scope (placement)", s.byScope());
    t.subtotals("Credits per rule", s.byRule());
    t.title("Flags raised (decisions)");
    if (s.flags().isEmpty()) {
      t.row("  none", "");
    }
    s.flags().forEach((f, n) -> t.row("  " + f, Long.toString(n)));
    if (s.largest().isEmpty()) {
      t.title("Largest credits");
      t.row("  none", "");
    }
    CurrencyUnit current = null;
    for (CreditLine l : s.largest()) {
      if (!l.amount().getCurrencyUnit().equals(current)) {
        current = l.amount().getCurrencyUnit();
        t.title("Largest credits (" + current + ", up to " + s.largestPerCurrency() + ")");
      }
      t.row("  " + l.accountId() + " " + l.subscriptionId() + " " + l.rulePath(), amount(l.amount()));
    }
    err.println();
    t.print(err);
  }

  /** Titles and label-value rows, the values right-aligned in one column wide enough for every label. */
  private static final class Table {
    private final List<String[]> lines = new java.util.ArrayList<>();

    void title(String title) {
      lines.add(new String[] {title});
    }

    void row(String label, String value) {
      lines.add(new String[] {label, value});
    }

    void subtotals(String title, List<LiabilitySummary.Subtotal> rows) {
      title(title);
      if (rows.isEmpty()) {
        row("  none", "");
      }
      rows.forEach(r -> row("  " + r.label(), amount(r.amount())));
    }

    void print(PrintWriter err) {
      int width = 44;
      for (String[] l : lines) {
        width = l.length == 2 ? Math.max(width, l[0].length()) : width;
      }
      String format = "%-" + width + "s %16s";
      for (String[] l : lines) {
        err.println(l.length == 1 ? l[0] : String.format(format, l[0], l[1]));
      }
    }
  }

  private static String amount(Money m) {
    return dev.amends.cli.report.ReportView.amount(m);
  }

  /** Accounts read but not decided: bad account lines, requests refused here and by the engine. */
  private long rejected() {
    return badAccountLines + refusedRequests + liability().rejected();
  }
}
