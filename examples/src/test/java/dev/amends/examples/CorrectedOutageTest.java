package dev.amends.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import dev.amends.rules.json.RecordWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/corrected-outage: November 2007 is decided, then the provider corrects two outage
 * records and November is decided again with the first run's output as what was issued, as {@code
 * amends credit --previous} does: through DecisionJson, written and read back. November 2007 in
 * UTC has 30 days = 43,200 minutes. Tiers: [99.0, 99.9) 10 %, [95.0, 99.0) 25 %, below 95.0 100 %.
 *
 * <ul>
 *   <li>cluster-a, INC-2007-11-08: first 5 h (300 min): 42,900 / 43,200 = 99.3056 %, 10 %;
 *       corrected to 10 h (600 min): 42,600 / 43,200 = 98.6111 %, 25 %.
 *   <li>cluster-b, INC-2007-11-19: first 40 h (2,400 min): 40,800 / 43,200 = 94.4444 %, 100 %;
 *       corrected to 30 h (1,800 min): 41,400 / 43,200 = 95.8333 %, 25 %.
 *   <li>cluster-c, INC-2007-11-25: 1 h both times: 43,140 / 43,200 = 99.8611 %, 10 %.
 * </ul>
 */
class CorrectedOutageTest {
  static final YearMonth NOVEMBER_2007 = YearMonth.of(2007, 11);
  static final ExampleFiles FILES = ExampleFiles.of("corrected-outage");
  static List<Account> accounts;
  static Map<String, CreditDecision> first;
  static String firstOutput;
  static Map<String, CreditDecision> second;
  static String secondOutput;

  @BeforeAll
  static void decideNovemberThenDecideItAgainWithTheCorrectedOutages() {
    accounts = FILES.accounts();
    first = new LinkedHashMap<>();
    firstOutput = run(FILES.engine("outages.ndjson"), List.of(), first);
    second = new LinkedHashMap<>();
    secondOutput = run(FILES.engine("outages-corrected.ndjson"), List.of(firstOutput), second);
  }

  /** Decides every account as {@code credit} does, given earlier outputs as issued; the decisions NDJSON. */
  static String run(CreditEngine engine, List<String> previous, Map<String, CreditDecision> decisions) {
    Map<String, List<IssuedCredit>> issued = new HashMap<>();
    previous.forEach(text -> readIssued(text).forEach(
        r -> issued.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r.record())));
    List<DecisionRequest> requests = accounts.stream().map(a -> DecisionRequest.builder().account(a)
        .period(a.billing().periodStartingIn(NOVEMBER_2007)).addAllIssued(issued.getOrDefault(a.id(), List.of()))
        .build()).toList();
    StringWriter text = new StringWriter();
    try (RecordWriter<BatchResult> out = DecisionJson.writer(text)) {
      engine.decideAll(requests.iterator(), BatchOptions.defaults()).forEachRemaining(r -> {
        out.write(r);
        decisions.put(((BatchResult.Decided) r).decision().accountId(), ((BatchResult.Decided) r).decision());
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static List<AccountRecord<IssuedCredit>> readIssued(String text) {
    List<AccountRecord<IssuedCredit>> out = new ArrayList<>();
    try (RecordReader<List<AccountRecord<IssuedCredit>>> in = DecisionJson.issuedReader(new StringReader(text), "run")) {
      in.forEachRemaining(line -> {
        switch (line) {
          case RecordLine.Accepted<List<AccountRecord<IssuedCredit>>> a -> out.addAll(a.record());
          case RecordLine.Rejected<List<AccountRecord<IssuedCredit>>> r -> throw new AssertionError(r.problem().getMessage());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Money total(Stream<CreditDecision> decisions) {
    return decisions.flatMap(d -> d.lines().stream()).map(CreditLine::amount).reduce(Money.zero(org.joda.money.CurrencyUnit.USD), Money::plus);
  }

  static List<String> kindsAndAmounts(CreditDecision d) {
    return d.lines().stream().map(l -> l.kind() + " " + l.amount()).toList();
  }

  @Test
  void firstRunCreditsEveryAccountOnTheFirstRecord() {
    // aster: 10 % of USD 40.00 = 4.00; birch: USD 1,200.00 a year / 12 = 100.00, 10 % = 10.00
    assertThat(kindsAndAmounts(first.get("aster"))).containsExactly("CREDIT USD 4.00");
    assertThat(kindsAndAmounts(first.get("birch"))).containsExactly("CREDIT USD 10.00");
    // cedar: 100 % of USD 30.00; dune: 100 % of USD 19.99
    assertThat(kindsAndAmounts(first.get("cedar"))).containsExactly("CREDIT USD 30.00");
    assertThat(kindsAndAmounts(first.get("dune"))).containsExactly("CREDIT USD 19.99");
    // elm: 10 % of USD 50.00
    assertThat(kindsAndAmounts(first.get("elm"))).containsExactly("CREDIT USD 5.00");
    // 4.00 + 10.00 + 30.00 + 19.99 + 5.00
    assertThat(total(first.values().stream())).isEqualTo(Money.parse("USD 68.99"));
  }

  @Test
  void correctedOutageIssuesOnlyTheDifference() {
    // aster: now 25 % of 40.00 = 10.00, 4.00 issued: top-up 6.00
    assertThat(kindsAndAmounts(second.get("aster"))).containsExactly("TOP_UP USD 6.00");
    // birch: now 25 % of 100.00 = 25.00, 10.00 issued: top-up 15.00
    assertThat(kindsAndAmounts(second.get("birch"))).containsExactly("TOP_UP USD 15.00");
    // cedar: now 25 % of 30.00 = 7.50, 30.00 issued: clawback 22.50
    assertThat(kindsAndAmounts(second.get("cedar"))).containsExactly("CLAWBACK USD -22.50");
    // dune: now 25 % of 19.99 = 4.9975, HALF_UP 5.00; 19.99 issued: clawback 14.99
    assertThat(kindsAndAmounts(second.get("dune"))).containsExactly("CLAWBACK USD -14.99");
    // elm: cluster-c's record did not change: nothing new
    assertThat(second.get("elm").lines()).isEmpty();
    assertThat(second.get("elm").totals()).isEmpty();
  }

  @Test
  void secondRunSumsToTheCorrectedTotalLessTheFirst() {
    Map<String, CreditDecision> fromScratch = new LinkedHashMap<>();
    run(FILES.engine("outages-corrected.ndjson"), List.of(), fromScratch);
    // corrected from scratch: 10.00 + 25.00 + 7.50 + 5.00 + 5.00
    assertThat(total(fromScratch.values().stream())).isEqualTo(Money.parse("USD 52.50"));
    // 6.00 + 15.00 - 22.50 - 14.99 = -16.49 = 52.50 - 68.99
    assertThat(total(second.values().stream())).isEqualTo(Money.parse("USD -16.49"));
  }

  @Test
  void adjustmentsPointBackAtTheCreditTheyAdjust() {
    CreditLine credit = first.get("dune").lines().get(0);
    CreditLine clawback = second.get("dune").lines().get(0);
    // the key says what it adjusts and what had been issued (1,999 cents)
    assertThat(clawback.key()).isEqualTo(credit.key() + "/clawback-after-1999");
    assertThat(clawback.reason()).startsWith("clawback: now USD 5.00, issued USD 19.99");
  }

  @Test
  void aThirdRunGivenBothEarlierOutputsIssuesNothing() {
    Map<String, CreditDecision> third = new LinkedHashMap<>();
    String output = run(FILES.engine("outages-corrected.ndjson"), List.of(firstOutput, secondOutput), third);

    assertThat(third).hasSize(5);
    assertThat(third.values()).allSatisfy(d -> {
      assertThat(d.lines()).isEmpty();
      assertThat(d.flags()).isEmpty();
    });
    assertThat(output.lines()).allSatisfy(l -> assertThat(l).contains("\"lines\":[]", "\"totals\":[]"));
  }
}
