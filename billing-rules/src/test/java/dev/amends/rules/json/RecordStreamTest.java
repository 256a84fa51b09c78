package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.account.Account;
import dev.amends.core.fixtures.Story2007;
import dev.amends.core.outage.Outage;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStreamTest {
  static final String STORY_ACCOUNT = "{\"id\":\"acct-c2\",\"currency\":\"USD\",\"zone\":\"America/New_York\","
      + "\"customerSince\":\"2006-01-01\",\"subscriptions\":[{\"id\":\"sub-c2\",\"plan\":\"grid\","
      + "\"prices\":[{\"amount\":{\"amount\":\"20.00\",\"currency\":\"USD\"},\"per\":\"MONTHLY\"}],"
      + "\"active\":{\"start\":\"2006-01-01T05:00:00Z\"},\"placements\":[\"grid/cluster-2\"]}]}";

  static final String STORY_OUTAGE = "{\"id\":\"MAINT-2007-12-01\",\"scopes\":[\"grid/cluster-2\"],"
      + "\"window\":{\"start\":\"2007-12-01T05:00:00Z\",\"end\":\"2007-12-01T18:00:00Z\"},\"kind\":\"MAINTENANCE\","
      + "\"announcement\":{\"announcedAt\":\"2007-11-21T05:00:00Z\","
      + "\"window\":{\"start\":\"2007-12-01T05:00:00Z\",\"end\":\"2007-12-01T11:00:00Z\"}},"
      + "\"impact\":{\"level\":\"FULL\"},\"cause\":\"PROVIDER\",\"tags\":[\"season-2007\",\"storage\"]}";

  @Test
  void storyAccountIsWrittenAsOneStableLine() {
    assertThat(RecordFormat.ACCOUNTS.toLine(Story2007.CUSTOMER_ON_CLUSTER_2)).isEqualTo(STORY_ACCOUNT);
    assertThat(RecordFormat.ACCOUNTS.fromLine(STORY_ACCOUNT)).isEqualTo(Story2007.CUSTOMER_ON_CLUSTER_2);
  }

  @Test
  void storyOutageIsWrittenAsOneStableLine() {
    assertThat(RecordFormat.OUTAGES.toLine(Story2007.FIRMWARE_UPGRADE)).isEqualTo(STORY_OUTAGE);
    assertThat(RecordFormat.OUTAGES.fromLine(STORY_OUTAGE)).isEqualTo(Story2007.FIRMWARE_UPGRADE);
  }

  @Test
  void aBadLineIsRejectedWithItsNumberAndTheNextLinesAreStillRead() throws Exception {
    String bad = STORY_ACCOUNT.replace("\"20.00\"", "\"12,5\"");
    String text = STORY_ACCOUNT + "\n\n  \n" + bad + "\r\n" + STORY_ACCOUNT.replace("acct-c2", "acct-x");
    try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(new StringReader(text), "accounts.ndjson")) {
      List<RecordLine<Account>> lines = in.stream().toList();
      assertThat(lines).extracting(RecordLine::lineNumber).containsExactly(1L, 4L, 5L);
      assertThat(lines.get(0)).isInstanceOf(RecordLine.Accepted.class);
      RecordLine.Rejected<Account> r = (RecordLine.Rejected<Account>) lines.get(1);
      assertThat(r.problem().getMessage()).isEqualTo("""
          accounts.ndjson line 4: 1 problem
            /subscriptions/0/prices/0/amount/amount: "12,5" is not a decimal""");
      assertThat(((RecordLine.Accepted<Account>) lines.get(2)).record().id()).isEqualTo("acct-x");
      assertThat(in.read()).isEqualTo(3);
      assertThat(in.accepted()).isEqualTo(2);
      assertThat(in.rejected()).isEqualTo(1);
    }
  }

  @Test
  void writerAndFileReaderRoundTripAStream(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outages.ndjson");
    try (RecordWriter<Outage> out = RecordFormat.OUTAGES.writer(Files.newOutputStream(file))) {
      out.write(Story2007.FIRMWARE_UPGRADE);
      out.write(Story2007.FIRMWARE_UPGRADE);
      assertThat(out.written()).isEqualTo(2);
    }
    assertThat(Files.readString(file)).isEqualTo(STORY_OUTAGE + "\n" + STORY_OUTAGE + "\n");
    try (RecordReader<Outage> in = RecordFormat.OUTAGES.reader(file)) {
      assertThat(in.stream().map(l -> ((RecordLine.Accepted<Outage>) l).record()))
          .containsExactly(Story2007.FIRMWARE_UPGRADE, Story2007.FIRMWARE_UPGRADE);
    }
  }

  @Test
  void fromLineThrowsEveryProblemOfTheLine() {
    assertThatThrownBy(() -> RecordFormat.OUTAGES.fromLine("{\"id\": \"\", \"window\": {\"start\": \"yesterday\"}, \"colour\": 1}"))
        .isInstanceOf(JsonDocumentException.class)
        .hasMessage("""
            outages line: 3 problems
              /colour: 1 is not a known field (known: announcement, cause, id, impact, kind, reportedAt, scopes, tags, window)
              /scopes: (missing) is required
              /window/start: "yesterday" is not an ISO-8601 instant such as 2007-12-01T05:00:00Z""");
  }

  /**
   * Money in records is exactly the Joda-Money datatype module's decimal-string form, so a consumer
   * with that module reads it as it is; JPY has no decimals and BHD three.
   */
  @Test
  void moneyIsTheJodaMoneyModulesDecimalStringForm() {
    tools.jackson.databind.json.JsonMapper module = tools.jackson.databind.json.JsonMapper.builder()
        .addModule(new tools.jackson.datatype.jodamoney.JodaMoneyModule()
            .withAmountRepresentation(tools.jackson.datatype.jodamoney.AmountRepresentation.DECIMAL_STRING))
        .build();
    for (String m : List.of("USD 20.00", "JPY 1500", "BHD 1.250", "EUR -0.05")) {
      org.joda.money.Money money = org.joda.money.Money.parse(m);
      var out = Json.MAPPER.createObjectNode();
      RecordCodec.money(out, "m", money);
      String ours = Json.MAPPER.writeValueAsString(out.get("m"));
      assertThat(ours).isEqualTo(module.writeValueAsString(money));
      assertThat(module.readValue(ours, org.joda.money.Money.class)).isEqualTo(money);
    }
  }

  /** The amount of a price in the story account line replaced by {@code amount} (JSON text). */
  private static Object priceRead(String amount) {
    String line = STORY_ACCOUNT.replace("\"amount\":\"20.00\"", "\"amount\":" + amount);
    try {
      return RecordFormat.ACCOUNTS.fromLine(line).subscriptions().get(0).prices().prices().get(0).amount();
    } catch (JsonDocumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void moneyAmountIsReadExactlyThroughTheModule() {
    // "12.50" is 1250 cents exactly; as a number too, and "12.500" only has a zero more.
    assertThat(priceRead("\"12.50\"")).isEqualTo(org.joda.money.Money.of(org.joda.money.CurrencyUnit.USD, new java.math.BigDecimal("12.50")));
    assertThat(priceRead("12.50")).isEqualTo(org.joda.money.Money.ofMinor(org.joda.money.CurrencyUnit.USD, 1250));
    assertThat(priceRead("\"12.500\"")).isEqualTo(org.joda.money.Money.ofMinor(org.joda.money.CurrencyUnit.USD, 1250));
  }

  @Test
  void moneyAmountWithTooManyDecimalsIsRefusedNotRounded() {
    // The double nearest 0.1, written out: rounding it would give 0.10; it must be refused.
    assertThat(priceRead("0.1000000000000000055511151231257827")).isEqualTo("""
        accounts line: 1 problem
          /subscriptions/0/prices/0/amount/amount: 0.1000000000000000055511151231257827 has more than 12 digits after the decimal point""");
    assertThat(priceRead("\"0.105\"")).isEqualTo("""
        accounts line: 1 problem
          /subscriptions/0/prices/0/amount/amount: "0.105" has more decimal places than USD allows (2)""");
  }

  @Test
  void writerWritesToACharacterStream() {
    StringWriter sw = new StringWriter();
    RecordWriter<Account> w = RecordFormat.ACCOUNTS.writer(sw);
    w.write(Story2007.CUSTOMER_ON_CLUSTER_2);
    assertThat(sw).hasToString(STORY_ACCOUNT + "\n");
  }
}
