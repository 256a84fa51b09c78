package dev.amends.rules.json;

import static dev.amends.rules.json.RecordCodec.money;

import dev.amends.core.internal.Checks;
import dev.amends.rules.CreditLine;
import dev.amends.rules.LiabilitySummary;
import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link LiabilitySummary} as one JSON document, indented two spaces, one field or element a
 * line, lines ending in {@code \n} on every platform: deterministic, for files and golden tests.
 * Fields in a fixed order; money as {@code {"amount": "12.50", "currency": "USD"}}, the amount a
 * string at the currency's scale; rows in the summary's order. Its fields, in order:
 * {@code decided}, {@code rejected}, {@code creditLines}, {@code accountsCredited} (counts);
 * {@code totals} (money per currency); {@code byPlan}, {@code byScope}, {@code byRule} (objects
 * with {@code plan}, {@code scope} or {@code rule}, and {@code amount}); {@code flags} (objects
 * with {@code flag} and {@code decisions}, flags never raised left out); {@code
 * largestPerCurrency}; and {@code largest}, the largest lines with {@code accountId}, {@code
 * subscriptionId}, {@code kind}, {@code amount}, {@code policy} ({@code id}, {@code version}),
 * {@code rulePath}, {@code outageIds}, {@code reason} and {@code key}. One, cut short after its
 * first total:
 *
 * <pre>{@code
 * {
 *   "decided" : 6,
 *   "rejected" : 0,
 *   "creditLines" : 4,
 *   "accountsCredited" : 4,
 *   "totals" : [
 *     {
 *       "amount" : "3.00",
 *       "currency" : "EUR"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LiabilitySummaryJson {
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private LiabilitySummaryJson() {}

  /**
   * The summary as a JSON document, ending with a line end.
   *
   * @param summary the summary, not null
   * @return the JSON text, not null
   */
  public static String toJson(LiabilitySummary summary) {
    Checks.notNull("summary", summary);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("decided", summary.decided());
    out.put("rejected", summary.rejected());
    out.put("creditLines", summary.creditLines());
    out.put("accountsCredited", summary.accountsCredited());
    ArrayNode totals = out.putArray("totals");
    summary.totals().forEach(m -> money(totals.addObject(), m));
    subtotals(out.putArray("byPlan"), "plan", summary.byPlan());
    subtotals(out.putArray("byScope"), "scope", summary.byScope());
    subtotals(out.putArray("byRule"), "rule", summary.byRule());
    ArrayNode flags = out.putArray("flags");
    summary.flags().forEach((f, n) -> flags.addObject().put("flag", f.name()).put("decisions", n));
    out.put("largestPerCurrency", summary.largestPerCurrency());
    ArrayNode largest = out.putArray("largest");
    summary.largest().forEach(l -> line(largest.addObject(), l));
    return Json.MAPPER.writer().with(PRETTY).writeValueAsString(out) + "\n";
  }

  private static void subtotals(ArrayNode out, String name, List<LiabilitySummary.Subtotal> rows) {
    rows.forEach(r -> money(out.addObject().put(name, r.label()), "amount", r.amount()));
  }

  private static void line(ObjectNode out, CreditLine l) {
    out.put("accountId", l.accountId());
    out.put("subscriptionId", l.subscriptionId());
    out.put("kind", l.kind().name());
    money(out, "amount", l.amount());
    out.putObject("policy").put("id", l.policyId()).put("version", l.policyVersion());
    out.put("rulePath", l.rulePath());
    ArrayNode outages = out.putArray("outageIds");
    l.outageIds().forEach(outages::add);
    out.put("reason", l.reason());
    out.put("key", l.key());
  }
}
