package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_1;
import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;
import static dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.Ratio;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionJson#issuedReader}: an earlier run's decisions read back as the credits it issued,
 * for a re-run.
 */
class DecisionJsonIssuedReaderTest {
  static final LocalDate DEC_1 = LocalDate.of(2007, 12, 1);

  static List<RecordLine<List<AccountRecord<IssuedCredit>>>> readAll(String text) throws IOException {
    try (RecordReader<List<AccountRecord<IssuedCredit>>> in = DecisionJson.issuedReader(new StringReader(text), "run.ndjson")) {
      List<RecordLine<List<AccountRecord<IssuedCredit>>>> out = new ArrayList<>();
      in.forEachRemaining(out::add);
      return out;
    }
  }

  static List<AccountRecord<IssuedCredit>> accepted(RecordLine<List<AccountRecord<IssuedCredit>>> line) {
    assertThat(line).isInstanceOf(RecordLine.Accepted.class);
    return ((RecordLine.Accepted<List<AccountRecord<IssuedCredit>>>) line).record();
  }

  static String rejection(RecordLine<List<AccountRecord<IssuedCredit>>> line) {
    assertThat(line).isInstanceOf(RecordLine.Rejected.class);
    return ((RecordLine.Rejected<List<AccountRecord<IssuedCredit>>>) line).problem().getMessage();
  }

  @Test
  void theStoryBatchGoldenFileReadsBackAsEveryLineItIssued() throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/story-2007-batch.ndjson")) {
      golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var lines = readAll(golden);

    assertThat(lines).hasSize(3);
    // acct-c2: SLA USD 2.00 (10 % of USD 20.00), with the outage it rests on, and goodwill USD 40.00
    // (2 x USD 20.00), resting on none; traces ignored
    assertThat(accepted(lines.get(0))).containsExactly(
        new AccountRecord<>("acct-c2", Optional.of(DEC_1), new IssuedCredit("cr-bdc38aa24344e0f49081980fd83a12f3",
            Money.parse("USD 2.00"), "grid-sla", "sub-c2", "tiers", Optional.empty(), List.of("MAINT-2007-12-01"))),
        new AccountRecord<>("acct-c2", Optional.of(DEC_1), new IssuedCredit("gr-5427d9c3b3eed9c9b03aa916d732321b",
            Money.parse("USD 40.00"), "goodwill-2007", "sub-c2", "goodwill-2007/two-months-free")));
    // a rejected request issued nothing
    assertThat(accepted(lines.get(1))).isEmpty();
    assertThat(accepted(lines.get(2))).extracting(r -> r.record().amount()).containsExactly(Money.parse("USD 40.00"));
  }

  @Test
  void aTopUpOfDaysReadsBackWithItsDaysAndAdjustmentKey() throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/decision-features.ndjson")) {
      golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var lines = readAll(golden);

    // the features file is written by toLine(CreditDecision): no "result", a decision all the same
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).isInstanceOf(RecordLine.Accepted.class));
    IssuedCredit topUp = accepted(lines.get(0)).get(0).record();
    assertThat(topUp.key()).isEqualTo("cr-63aa1d81efd2195b5f792da1480212ef/top_up-after-0-3d");
    assertThat(topUp.amount()).isEqualTo(Money.parse("USD 0.00"));
    assertThat(topUp.days()).contains(Ratio.of(4));
    assertThat(accepted(lines.get(0)).get(0).periodStart()).contains(LocalDate.of(2024, 6, 1));
    assertThat(accepted(lines.get(1))).isEmpty(); // overpaid, no clawback: no line
  }

  @Test
  void decisionsReadBackAsIssuedAreWhatIssuingTheirLinesRecords() throws IOException {
    List<DecisionRequest> requests = List.of(DecisionRequest.of(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN),
        DecisionRequest.of(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN));
    List<CreditDecision> decisions = requests.stream().map(StoryEndToEndTest.ENGINE::decide).toList();
    StringBuilder text = new StringBuilder();
    decisions.forEach(d -> text.append(DecisionJson.toLine(d)).append('\n'));

    List<IssuedCredit> read = new ArrayList<>();
    readAll(text.toString()).forEach(l -> accepted(l).forEach(r -> read.add(r.record())));

    List<IssuedCredit> expected = decisions.stream().flatMap(d -> d.lines().stream()).map(IssuedCredit::of).toList();
    assertThat(read).isEqualTo(expected).hasSize(3);
    // and a re-run given them issues nothing
    CreditDecision again = StoryEndToEndTest.ENGINE.decide(DecisionRequest.builder().account(CUSTOMER_ON_CLUSTER_2)
        .period(DEC_2007_EASTERN).addAllIssued(read.subList(0, 2)).build());
    assertThat(again.lines()).isEmpty();
    assertThat(again.totals()).isEmpty();
  }

  @Test
  void badLinesAreRejectedWithTheirLineNumberAndReasonAndTheRestIsRead() throws IOException {
    String good = "{\"result\":\"decided\",\"index\":0,\"accountId\":\"a\",\"period\":{\"start\":\"2007-12-01\"},"
        + "\"lines\":[{\"key\":\"cr-1\",\"kind\":\"CREDIT\",\"amount\":{\"amount\":\"2.00\",\"currency\":\"USD\"},"
        + "\"subscriptionId\":\"s\",\"policy\":{\"id\":\"p\",\"version\":1},\"rulePath\":\"tiers\"}]}";
    String text = String.join("\n",
        good,
        "{not json",
        good.replace("\"decided\"", "\"maybe\""),
        good.replace("\"accountId\":\"a\",", ""),
        good.replace("\"2.00\"", "\"2.001\""),
        good.replace("\"CREDIT\"", "\"GIFT\""),
        good.replace("\"key\":\"cr-1\",", ""),
        "{\"accountId\":\"a\",\"periodStart\":\"2007-12-01\",\"key\":\"cr-1\"}",
        "",
        good);

    var lines = readAll(text);

    assertThat(lines).hasSize(9);
    assertThat(accepted(lines.get(0))).hasSize(1);
    assertThat(rejection(lines.get(1))).startsWith("run.ndjson line 2").contains("is not valid JSON");
    assertThat(rejection(lines.get(2))).startsWith("run.ndjson line 3").contains("/result", "maybe",
        "is neither \"decided\" nor \"rejected\"");
    assertThat(rejection(lines.get(3))).startsWith("run.ndjson line 4").contains("/accountId", "is required");
    assertThat(rejection(lines.get(4))).startsWith("run.ndjson line 5").contains("/lines/0/amount", "2.001");
    assertThat(rejection(lines.get(5))).startsWith("run.ndjson line 6").contains("/lines/0/kind", "GIFT", "TOP_UP");
    assertThat(rejection(lines.get(6))).startsWith("run.ndjson line 7").contains("/lines/0/key", "is required");
    // an issued-credits line given where a decision was expected: its fields are not a decision's
    assertThat(rejection(lines.get(7))).startsWith("run.ndjson line 8").contains("/periodStart", "is not a known field");
    // the blank line 9 is skipped; line 10 is read
    assertThat(lines.get(8).lineNumber()).isEqualTo(10);
    assertThat(accepted(lines.get(8))).extracting(r -> r.record().key()).containsExactly("cr-1");
  }
}
