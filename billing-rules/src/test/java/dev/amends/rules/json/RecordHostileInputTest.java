package dev.amends.rules.json;

import static dev.amends.rules.json.RecordStreamTest.STORY_ACCOUNT;
import static dev.amends.rules.json.RecordStreamTest.STORY_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and broken lines in record streams: each is rejected with its line number, the JSON
 * Pointer, the value and what is wrong, and the good line after it is still read.
 */
class RecordHostileInputTest {
  /** Bad account lines and the one problem each must give. */
  static final Map<String, String> BAD_ACCOUNTS = Map.ofEntries(
      Map.entry(STORY_ACCOUNT.replace("2006-01-01\"", "2006-02-30\""),
          "/customerSince: \"2006-02-30\" is not an ISO-8601 date such as 2007-12-01"),
      Map.entry(STORY_ACCOUNT.replace("\"currency\":\"USD\"}", "\"currency\":\"ABC\"}"),
          "/subscriptions/0/prices/0/amount/currency: \"ABC\" is not a known ISO 4217 currency code"),
      Map.entry(STORY_ACCOUNT.replace("\"20.00\"", "1e999999999"),
          "/subscriptions/0/prices/0/amount/amount: 1E+999999999 has more than 18 digits before the decimal point"),
      Map.entry(STORY_ACCOUNT.replace("\"20.00\"", "\"1e999999999\""),
          "/subscriptions/0/prices/0/amount/amount: \"1e999999999\" has more than 18 digits before the decimal point"),
      Map.entry(STORY_ACCOUNT.replace("\"20.00\"", "\"20.005\""),
          "/subscriptions/0/prices/0/amount/amount: \"20.005\" has more decimal places than USD allows (2)"),
      Map.entry(STORY_ACCOUNT.replace("\"20.00\"", "\"-20.00\""),
          "/subscriptions/0/prices/0/amount: {\"amount\":\"-20.00\",\"currency\":\"USD\"} price.amount must not be"
              + " negative (USD -20.00)"),
      Map.entry(STORY_ACCOUNT.replace("\"placements\"", "\"seats\":\"two\",\"placements\""),
          "/subscriptions/0/seats: \"two\" is not a whole number"),
      Map.entry(STORY_ACCOUNT.replace("\"zone\"", "\"colour\":\"red\",\"zone\""),
          "/colour: \"red\" is not a known field (known: billing, currency, customerSince, id, standing,"
              + " subscriptions, tags, zone)"),
      Map.entry(STORY_ACCOUNT.replace("\"id\":\"acct-c2\",", "\"id\":\"acct-c2\",\"id\":\"acct-c3\","),
          "/id: (at column 21) is not valid JSON: Duplicate Object property \"id\""),
      Map.entry(STORY_ACCOUNT.replace("\"America/New_York\"", "null"),
          "/zone: null is required and must not be null"),
      Map.entry(STORY_ACCOUNT.replace("\"America/New_York\"", "\"Mars/Olympus\""),
          "/zone: \"Mars/Olympus\" is not a time zone id such as America/New_York"),
      Map.entry("[" + STORY_ACCOUNT + "]", "/: [{\"id\":\"acct-c2\",\"currency\":\"USD\",\"zone\":\"America/New_York\","
          + "\"customerSince\":\"... is not an object"),
      Map.entry(STORY_ACCOUNT.replace("sub-c2", "sub\\u0000c2"),
          "/subscriptions/0/id: \"sub\\u0000c2\" subscription.id must be one line without control, line-separator or"
              + " bidirectional-override characters (found \\u0000 at index 3)"));

  /** Bad outage lines and the one problem each must give. */
  static final Map<String, String> BAD_OUTAGES = Map.ofEntries(
      Map.entry(STORY_OUTAGE.replace("\"end\":\"2007-12-01T18:00:00Z\"", "\"end\":\"2007-12-01T04:00:00Z\""),
          "/window/end: \"2007-12-01T04:00:00Z\" window.end is before start (start=2007-12-01T05:00:00Z,"
              + " end=2007-12-01T04:00:00Z)"),
      Map.entry(STORY_OUTAGE.replace("\"MAINTENANCE\"", "\"UNPLANNED\""),
          "/announcement: {\"announcedAt\":\"2007-11-21T05:00:00Z\",\"window\":{\"start\":\"2007-12-01T05:00:00Z..."
              + " outage.announcement is only allowed for kind MAINTENANCE or EMERGENCY_MAINTENANCE (kind=UNPLANNED)"),
      Map.entry(STORY_OUTAGE.replace("\"MAINTENANCE\"", "\"maintenance\""),
          "/kind: \"maintenance\" is not one of UNPLANNED, MAINTENANCE, EMERGENCY_MAINTENANCE"),
      Map.entry(STORY_OUTAGE.replace("[\"grid/cluster-2\"]", "\"grid/cluster-2\""),
          "/scopes: \"grid/cluster-2\" is not an array"),
      Map.entry(STORY_OUTAGE.replace("[\"grid/cluster-2\"]", "[\"grid//cluster-2\"]"),
          "/scopes/0: \"grid//cluster-2\" scope must be segments of letters, digits, '.', '_', '-' or ':' separated by single '/'"),
      Map.entry(STORY_OUTAGE.replace("[\"grid/cluster-2\"]", "[\"Grid/Cluster-2\"]"),
          "/scopes/0: \"Grid/Cluster-2\" scope must be lower case (scopes differing only in case would be different"
              + " scopes); write \"grid/cluster-2\""),
      Map.entry(STORY_OUTAGE.replace("{\"level\":\"FULL\"}", "{\"level\":\"FULL\",\"affectedShare\":\"3/2\"}"),
          "/impact/affectedShare: \"3/2\" impact.affectedShare must be in (0, 1] (3/2)"),
      Map.entry(STORY_OUTAGE.replace("2007-11-21T05:00:00Z", "2007-11-21 05:00"),
          "/announcement/announcedAt: \"2007-11-21 05:00\" is not an ISO-8601 instant such as 2007-12-01T05:00:00Z"));

  static final String SAMPLE = "{\"scope\":\"api\",\"window\":{\"start\":\"2024-01-01T00:00:00Z\","
      + "\"end\":\"2024-01-01T00:01:00Z\"},\"good\":9400,\"total\":10000}";

  static final String ISSUED = "{\"accountId\":\"acct-1\",\"periodStart\":\"2007-12-01\",\"key\":\"cr-1\","
      + "\"amount\":{\"amount\":\"2.00\",\"currency\":\"USD\"},\"policyId\":\"grid-sla\",\"subscriptionId\":\"sub-c2\","
      + "\"rulePath\":\"tiers\",\"days\":\"5/2\"}";

  @Test
  void everyBadTelemetryLineIsRejectedWithItsPointerAndTheNextGoodLineIsRead() {
    assertRejectedInTurn(RecordFormat.TELEMETRY, "telemetry.ndjson", SAMPLE, Map.of(
        SAMPLE.replace("9400", "10001"), "/good: 10001 telemetry.good must be in [0, total=10000]",
        SAMPLE.replace("9400", "-1"), "/good: -1 is not in [0, 9223372036854775807]",
        SAMPLE.replace("10000", "1e3"), "/total: 1E+3 is not a whole number",
        SAMPLE.replace("\"good\"", "\"errorRate\":\"0.5\",\"good\""),
            "/errorRate: \"0.5\" cannot be given with good and total: a sample is counts or a rate"));
  }

  @Test
  void everyBadIssuedCreditLineIsRejectedWithItsPointerAndTheNextGoodLineIsRead() {
    assertRejectedInTurn(RecordFormat.ISSUED_CREDITS, "issued.ndjson", ISSUED, Map.of(
        ISSUED.replace("\"2.00\"", "1e999999999"),
            "/amount/amount: 1E+999999999 has more than 18 digits before the decimal point",
        ISSUED.replace("5/2", "5/0"), "/days: \"5/0\" has a zero denominator",
        ISSUED.replace("\"periodStart\":\"2007-12-01\",", ""), "/periodStart: (missing) is required",
        ISSUED.replace("\"key\":\"cr-1\"", "\"key\":\" \""), "/key: \" \" issued.key must not be blank"));
  }

  @Test
  void everyBadAccountLineIsRejectedWithItsPointerAndTheNextGoodLineIsRead() {
    assertRejectedInTurn(RecordFormat.ACCOUNTS, "accounts.ndjson", STORY_ACCOUNT, BAD_ACCOUNTS);
  }

  @Test
  void everyBadOutageLineIsRejectedWithItsPointerAndTheNextGoodLineIsRead() {
    assertRejectedInTurn(RecordFormat.OUTAGES, "outages.ndjson", STORY_OUTAGE, BAD_OUTAGES);
  }

  /** A stream of bad, good, bad, good... lines gives a rejection at each bad line's number and reads every good one. */
  static <T> void assertRejectedInTurn(RecordFormat<T> format, String source, String good, Map<String, String> bad) {
    List<Map.Entry<String, String>> cases = List.copyOf(bad.entrySet());
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> c : cases) {
      text.append(c.getKey()).append('\n').append(good).append('\n');
    }
    RecordReader<T> in = format.reader(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), source);
    List<RecordLine<T>> lines = in.stream().toList();
    assertThat(lines).hasSize(2 * cases.size());
    for (int i = 0; i < cases.size(); i++) {
      RecordLine<T> rejected = lines.get(2 * i);
      assertThat(rejected).as(cases.get(i).getKey()).isInstanceOf(RecordLine.Rejected.class);
      JsonDocumentException e = ((RecordLine.Rejected<T>) rejected).problem();
      assertThat(e.subject()).isEqualTo(source + " line " + (2 * i + 1));
      assertThat(e.problems()).extracting(JsonProblem::toString).as(cases.get(i).getKey())
          .containsExactly(cases.get(i).getValue());
      assertThat(lines.get(2 * i + 1)).isInstanceOf(RecordLine.Accepted.class);
      assertThat(lines.get(2 * i + 1).lineNumber()).isEqualTo(2 * i + 2);
    }
    assertThat(in.read()).isEqualTo(in.accepted() + in.rejected()).isEqualTo(2L * cases.size());
    assertThat(in.rejected()).isEqualTo(cases.size());
  }

  @Test
  void invalidUtf8IsThatLinesRejection() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(STORY_OUTAGE.replace("storage", "stor\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    bytes.write('\n');
    bytes.writeBytes(STORY_OUTAGE.getBytes(StandardCharsets.UTF_8));
    List<RecordLine<Outage>> lines = read(RecordFormat.OUTAGES, new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(((RecordLine.Rejected<Outage>) lines.get(0)).problem().problems()).extracting(JsonProblem::toString)
        .containsExactly("/: (line) is not valid UTF-8");
    assertThat(lines.get(1)).isInstanceOf(RecordLine.Accepted.class);
  }

  @Test
  void aTruncatedLastLineIsRejectedNotACrash() {
    String text = STORY_OUTAGE + "\n" + STORY_OUTAGE.substring(0, 40);
    List<RecordLine<Outage>> lines = read(RecordFormat.OUTAGES, utf8(text));
    assertThat(lines).hasSize(2);
    JsonDocumentException e = ((RecordLine.Rejected<Outage>) lines.get(1)).problem();
    assertThat(e.subject()).isEqualTo("test.ndjson line 2");
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/scopes/0");
      assertThat(p.message()).startsWith("is not valid JSON: Unexpected end-of-input")
          .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("#UNKNOWN");
    });
  }

  @Test
  void anOverlongLineIsSkippedToItsEndAndRejected() {
    String huge = "{\"id\":\"" + "x".repeat(Json.MAX_LINE_LENGTH) + "\"}";
    List<RecordLine<Account>> lines = read(RecordFormat.ACCOUNTS, utf8(huge + "\n" + STORY_ACCOUNT + "\n"));
    assertThat(((RecordLine.Rejected<Account>) lines.get(0)).problem().problems()).extracting(JsonProblem::toString)
        .containsExactly("/: (line) is longer than 1048576 characters");
    assertThat(lines.get(1)).isInstanceOf(RecordLine.Accepted.class);
    assertThat(lines.get(1).lineNumber()).isEqualTo(2);
  }

  @Test
  void everyProblemOfALineIsListedInOnePass() {
    String line = "{\"id\":\"acct-1\",\"currency\":\"usd\",\"zone\":\"UTC\",\"customerSince\":20060101,"
        + "\"subscriptions\":[{\"id\":\"s\",\"plan\":\"p\",\"prices\":[{\"amount\":{\"amount\":\"12,5\",\"currency\":\"USD\"}}],"
        + "\"active\":{\"start\":\"2006-01-01T00:00:00Z\"},\"placements\":[]}]}";
    List<RecordLine<Account>> lines = read(RecordFormat.ACCOUNTS, utf8(line));
    assertThat(((RecordLine.Rejected<Account>) lines.get(0)).problem().getMessage()).isEqualTo("""
        test.ndjson line 1: 4 problems
          /currency: "usd" is not a known ISO 4217 currency code
          /customerSince: 20060101 is not a string
          /subscriptions/0/prices/0/amount/amount: "12,5" is not a decimal
          /subscriptions/0/placements: [] must not be empty""");
  }

  @Test
  void aLineWithMoreThan200ProblemsSaysTheRestWereLeftOut() {
    StringBuilder line = new StringBuilder(STORY_OUTAGE.substring(0, STORY_OUTAGE.length() - 1));
    for (int i = 0; i < 250; i++) {
      line.append(",\"unknown").append(i).append("\":1");
    }
    line.append('}');

    List<RecordLine<Outage>> lines = read(RecordFormat.OUTAGES, utf8(line + "\n" + STORY_OUTAGE));

    List<JsonProblem> problems = ((RecordLine.Rejected<Outage>) lines.get(0)).problem().problems();
    assertThat(problems).hasSize(201);
    assertThat(problems.get(200).message()).isEqualTo("has more than 200 problems; the first are listed");
    assertThat(lines.get(1)).isInstanceOf(RecordLine.Accepted.class);
  }

  @Test
  void aByteOrderMarkBeforeTheFirstLineIsSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(bom);
    bytes.writeBytes((STORY_OUTAGE + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(read(RecordFormat.OUTAGES, new ByteArrayInputStream(bytes.toByteArray())))
        .singleElement().isInstanceOf(RecordLine.Accepted.class);
    assertThat(RecordFormat.OUTAGES.reader(new java.io.StringReader("\uFEFF" + STORY_OUTAGE), "chars").stream())
        .singleElement().isInstanceOf(RecordLine.Accepted.class);
  }

  /**
   * Three account lines in another encoding: said once, as line 1, naming the encoding found and
   * UTF-8, and nothing more is read (it was "CTRL-CHAR code 0" on every line).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UTF-16LE | FFFE     | UTF-16 little-endian (byte-order mark FF FE)",
      "UTF-16BE | FEFF     | UTF-16 big-endian (byte-order mark FE FF)",
      "UTF-16LE | ''       | UTF-16 little-endian without a byte-order mark (a NUL byte after each character)",
      "UTF-16BE | ''       | UTF-16 big-endian without a byte-order mark (a NUL byte before each character)",
      "UTF-32LE | FFFE0000 | UTF-32 little-endian (byte-order mark FF FE 00 00)",
      "UTF-32BE | 0000FEFF | UTF-32 big-endian (byte-order mark 00 00 FE FF)",
  })
  void aFileInAnotherEncodingIsToldOnceNamingItAndUtf8(String charset, String bom, String found) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(java.util.HexFormat.of().parseHex(bom));
    bytes.writeBytes((STORY_ACCOUNT + "\n" + STORY_ACCOUNT + "\r\n" + STORY_ACCOUNT + "\n")
        .getBytes(java.nio.charset.Charset.forName(charset)));
    RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(new ByteArrayInputStream(bytes.toByteArray()),
        "accounts.ndjson");

    List<RecordLine<Account>> lines = in.stream().toList();

    assertThat(lines).singleElement().isInstanceOfSatisfying(RecordLine.Rejected.class, r ->
        assertThat(r.problem().getMessage()).isEqualTo("accounts.ndjson line 1: 1 problem\n  /: (file) is " + found
            + ", not UTF-8, so none of it was read: NDJSON input must be UTF-8; convert it (for example iconv -f"
            + " UTF-16 -t UTF-8) and read it again"));
    assertThat(in.read()).isEqualTo(1);
    assertThat(in.rejected()).isEqualTo(1);
  }

  @Test
  void charactersDecodedFromUtf16AsIfUtf8AreToldOnceToo() {
    String misread = new String((STORY_OUTAGE + "\n" + STORY_OUTAGE).getBytes(StandardCharsets.UTF_16LE),
        StandardCharsets.ISO_8859_1);

    List<RecordLine<Outage>> lines = RecordFormat.OUTAGES.reader(new java.io.StringReader(misread), "chars")
        .stream().toList();

    assertThat(lines).singleElement().isInstanceOfSatisfying(RecordLine.Rejected.class, r ->
        assertThat(r.problem().problems()).singleElement().extracting(JsonProblem::message).asString()
            .startsWith("is text with NUL characters (U+0000) between its characters"));
  }

  @Test
  void utf8WithAByteOrderMarkOrOneLineStartingWithAnEscapedNulIsStillRead() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes((STORY_ACCOUNT + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(read(RecordFormat.ACCOUNTS, new ByteArrayInputStream(bytes.toByteArray())))
        .singleElement().isInstanceOf(RecordLine.Accepted.class);
    // A single byte, or a first line that is not JSON, is an ordinary rejected line.
    assertThat(read(RecordFormat.ACCOUNTS, utf8("x\n" + STORY_ACCOUNT)))
        .extracting(l -> l.getClass().getSimpleName()).containsExactly("Rejected", "Accepted");
    assertThat(read(RecordFormat.ACCOUNTS, utf8("{"))).singleElement().isInstanceOf(RecordLine.Rejected.class);
  }

  @Test
  void anOverlongLineFromCharactersIsRejectedToo() {
    String huge = "{\"id\":\"" + "x".repeat(Json.MAX_LINE_LENGTH) + "\"}";
    List<RecordLine<Outage>> lines = RecordFormat.OUTAGES
        .reader(new java.io.StringReader(huge + "\r\n" + STORY_OUTAGE), "chars").stream().toList();
    assertThat(lines).extracting(l -> l.getClass().getSimpleName()).containsExactly("Rejected", "Accepted");
    assertThat(((RecordLine.Rejected<Outage>) lines.get(0)).problem().problems()).extracting(JsonProblem::message)
        .containsExactly("is longer than 1048576 characters");
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> List<RecordLine<T>> read(RecordFormat<T> format, InputStream in) {
    return format.reader(in, "test.ndjson").stream().toList();
  }
}
