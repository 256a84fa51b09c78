package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.PolicyDocuments;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CapLimit.PercentOfLandingFee}: a cap on the invoice the credit lands on, not the period
 * that failed. The fixtures decide June 2024; the credit lands on July's invoice.
 */
class CapLandingFeeTest {
  /** 50 % of June's fee, under a cap of 100 % of the next invoice's fee. */
  static final RuleNode HALF_CAPPED_BY_NEXT_INVOICE = Rules.cap("landing",
      CapLimit.percentOfLandingFee(new BigDecimal("100"), 1), Rules.percentOfFee("half", new BigDecimal("50")));

  /** USD 100.00 a month until June, USD 20.00 a month from 1 July 2024 (a downgrade). */
  static Account downgradedInJuly() {
    Subscription sub = Subscription.builder().id("sub-1").plan("grid")
        .prices(PriceSchedule.of(List.of(
            Price.monthly(LocalDate.of(2000, 1, 1), usd("100.00")),
            Price.monthly(LocalDate.of(2024, 7, 1), usd("20.00")))))
        .active(LONG_AGO, Instant.MAX).addPlacements(NODE_1).build();
    return account("acct-1", sub);
  }

  @Test
  void aCreditAboveTheNextInvoiceIsCutToThatInvoicesFee() {
    // June: 50 % of USD 100.00 = USD 50.00; it lands on July's invoice of USD 20.00: capped to USD 20.00
    CreditDecision d = engine(policy("p", HALF_CAPPED_BY_NEXT_INVOICE), OUT_1).decide(downgradedInJuly(), JUNE_2024_UTC);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("20.00"));
      assertThat(l.reason()).contains("capped from USD 50.00 to USD 20.00",
          "100 % of fee USD 20.00 on the invoice it lands on, 2024-07");
    });
    assertThat(d.flags()).contains(DecisionFlag.CAP_REACHED);
  }

  @Test
  void aCreditBelowTheNextInvoiceIsUntouched() {
    // the same policy on a steady USD 20.00 a month: 50 % = USD 10.00 <= July's USD 20.00
    CreditDecision d = engine(policy("p", HALF_CAPPED_BY_NEXT_INVOICE), OUT_1).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(usd("10.00"));
    assertThat(d.flags()).doesNotContain(DecisionFlag.CAP_REACHED);
  }

  @Test
  void nothingLandsOnAnInvoiceThatDoesNotExist() {
    // the subscription ends with June: July's fee is zero, so nothing is credited
    Subscription sub = Subscription.builder().id("sub-1").plan("grid").prices(PriceSchedule.monthly(usd("100.00")))
        .active(LONG_AGO, Instant.parse("2024-07-01T00:00:00Z")).addPlacements(NODE_1).build();

    CreditDecision d = engine(policy("p", HALF_CAPPED_BY_NEXT_INVOICE), OUT_1).decide(account("acct-1", sub), JUNE_2024_UTC);

    assertThat(d.total(usd("0.00").getCurrencyUnit())).isEqualTo(usd("0.00"));
  }

  @Test
  void theLimitIsReadWrittenAndPartOfTheDigest() {
    String doc = """
        {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
         "rule": {"kind": "cap", "id": "landing",
                  "limit": {"type": "percent-of-landing-fee", "percent": "100", "periodsLater": 1},
                  "child": {"kind": "percent-of-fee", "id": "half", "percent": "50"}},
         "rounding": {"mode": "HALF_UP"}}""";

    Policy p = PolicyDocuments.standard().read(doc).value();

    assertThat(((Cap) p.rule()).limit()).isEqualTo(new CapLimit.PercentOfLandingFee(new BigDecimal("100"), 1));
    assertThat(PolicyDocuments.write(p))
        .contains("{\"type\":\"percent-of-landing-fee\",\"percent\":100,\"periodsLater\":1}");
    assertThat(PolicyDocuments.standard().read(PolicyDocuments.write(p)).value()).isEqualTo(p);
    assertThat(PolicyDocuments.standard().read(doc.replace("\"periodsLater\": 1", "\"periodsLater\": 2")).value()
        .digest()).isNotEqualTo(p.digest());
  }

  @Test
  void aLandingPeriodOfZeroOrBeyondTenYearsIsRefusedByName() {
    assertThatThrownBy(() -> CapLimit.percentOfLandingFee(BigDecimal.TEN, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cap.periodsLater");
    assertThatThrownBy(() -> CapLimit.percentOfLandingFee(BigDecimal.TEN, 121))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cap.periodsLater");
    String doc = """
        {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
         "rule": {"kind": "cap", "id": "landing",
                  "limit": {"type": "percent-of-landing-fee", "percent": "100", "periodsLater": 0},
                  "child": {"kind": "percent-of-fee", "id": "half", "percent": "50"}},
         "rounding": {"mode": "HALF_UP"}}""";

    JsonDocumentException e = catchThrowableOfType(JsonDocumentException.class,
        () -> PolicyDocuments.standard().read(doc));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/rule/limit");
      assertThat(p.message()).contains("cap.periodsLater");
    });
  }
}
