package dev.amends.examples.accountcenter;

import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.RecordedLine;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /accounts/{id}/credits?period=2007-12}: the credit lines recorded for the account's
 * billing period starting in that month, as the billing area shows them: amount, what it is for,
 * the explanation with its numbers, the outages it rests on; and the total per currency.
 *
 * <p>Amounts are decimal strings at the currency's scale ({@code "2.00"}), never JSON numbers.
 * An unknown account is 404; a period that is not {@code yyyy-MM} is 400 naming it.
 */
@RestController
class CreditsController {
  private final CreditLedger ledger;
  private final Documents documents;

  CreditsController(CreditLedger ledger, Documents documents) {
    this.ledger = ledger;
    this.documents = documents;
  }

  @GetMapping(path = "/accounts/{id}/credits", produces = "application/json")
  ResponseEntity<?> credits(@PathVariable("id") String id, @RequestParam("period") String period) {
    YearMonth month;
    try {
      month = YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new IncidentController.Problem(
          "period: " + period + " is not a month such as 2007-12", List.of()));
    }
    if (documents.account(id).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
          .body(new IncidentController.Problem("account " + id + " is not an AccountCenter account", List.of()));
    }
    List<RecordedLine> recorded = ledger.lines(id, month);
    Map<CurrencyUnit, Money> totals = new TreeMap<>();
    recorded.forEach(l -> totals.merge(l.amount().getCurrencyUnit(), l.amount(), Money::plus));
    Map<String, String> shown = new TreeMap<>();
    totals.forEach((c, m) -> shown.put(c.getCode(), m.getAmount().toPlainString()));
    return ResponseEntity.ok(new Credits(id, month.toString(), recorded.stream().map(CreditsController::shown).toList(),
        shown));
  }

  private static Line shown(RecordedLine l) {
    return new Line(title(l), l.kind().name(), l.amount().getAmount().toPlainString(), l.amount().getCurrencyUnit().getCode(),
        l.subscriptionId(), l.periodStart().toString(), l.periodEnd().toString(), l.reason(), l.outageIds(),
        l.policyId() + " v" + l.policyVersion() + " " + l.rulePath(), l.recordedAt().toString());
  }

  /** What the line is, in the billing area's words. */
  private static String title(RecordedLine l) {
    return switch (l.kind()) {
      case CREDIT -> l.outageIds().isEmpty() ? "Goodwill credit" : "Service credit";
      case TOP_UP -> "Service credit correction (more)";
      case CLAWBACK -> "Service credit correction (less)";
    };
  }

  /**
   * An account's credits for a period.
   *
   * @param account the account id
   * @param period the month its billing period starts in, {@code yyyy-MM}
   * @param lines the lines, in the order recorded
   * @param totals the sum of the lines per currency code, as decimal strings
   */
  record Credits(String account, String period, List<Line> lines, Map<String, String> totals) {}

  /**
   * One credit line as the billing area shows it.
   *
   * @param title what it is: a service credit, a goodwill credit, a correction
   * @param kind {@code CREDIT}, {@code TOP_UP} or {@code CLAWBACK}
   * @param amount the amount, a decimal string at the currency's scale; negative for a clawback
   * @param currency the ISO currency code
   * @param subscription the subscription credited
   * @param periodStart the billing period's first day
   * @param periodEnd the day after its last day
   * @param explanation the reason with its numbers, as the engine wrote it
   * @param outages the outages the credit rests on; empty for goodwill
   * @param rule the policy, its version and the rule's path
   * @param recordedAt when the ledger recorded it
   */
  record Line(String title, String kind, String amount, String currency, String subscription, String periodStart,
      String periodEnd, String explanation, List<String> outages, String rule, String recordedAt) {}
}
