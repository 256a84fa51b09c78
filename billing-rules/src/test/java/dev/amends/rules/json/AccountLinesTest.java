package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account lines read through both entry points of {@link RecordFormat#ACCOUNTS}, a stream's
 * {@link RecordReader} and {@link RecordFormat#fromLine}: they accept the same accounts and reject
 * the same lines with the same problems (pointer, value shown, rule), message for message.
 *
 * <p>The table ({@code account-lines.json}) was recorded while the stream reader still had a
 * streaming fast path of its own in front of the codec, and both entry points agreed on every row;
 * it is kept against the one parser that remains: each row is a line and what reading it gives,
 * the account written back ({@code accepted ...}) or the list of problems.
 */
class AccountLinesTest {
  /** A fleet line, as {@code WriteFleet} writes them. */
  static final String FLEET_ACCOUNT = "{\"id\":\"acct-0000001\",\"currency\":\"USD\",\"zone\":\"America/New_York\","
      + "\"subscriptions\":[{\"id\":\"sub-0000001\",\"plan\":\"svc-2\",\"prices\":[{\"amount\":{\"amount\":\"129.50\","
      + "\"currency\":\"USD\"},\"per\":\"MONTHLY\"}],\"active\":{\"start\":\"2020-01-01T00:00:00Z\"},"
      + "\"placements\":[\"svc-2/cluster-40/node-71\"]}]}";

  /** A line with every field an account line may have. */
  static final String FULL_ACCOUNT = "{\"id\":\"a-1\",\"currency\":\"JPY\",\"zone\":\"Asia/Tokyo\","
      + "\"billing\":{\"cycle\":\"QUARTERLY\",\"anchor\":\"2024-01-31\"},"
      + "\"standing\":[{\"from\":\"2024-03-01T00:00:00Z\",\"status\":\"SUSPENDED\"}],\"customerSince\":\"2005-03-01\","
      + "\"tags\":[\"gold\",\"x\"],\"subscriptions\":[{\"id\":\"s-1\",\"plan\":\"p\",\"prices\":[{\"effectiveFrom\":"
      + "\"2024-01-01\",\"amount\":{\"amount\":\"1500\",\"currency\":\"JPY\"},\"per\":\"ANNUAL\"}],"
      + "\"active\":{\"start\":\"2024-01-01T00:00:00Z\",\"end\":\"2025-01-01T00:00:00Z\"},"
      + "\"placements\":[\"grid/c-1\",\"grid/c-2\"],\"seats\":3,\"tags\":[\"t\"]}]}";

  /**
   * Changes made to a good line, each where a reader must be strict: duplicate keys, numbers and
   * nulls for strings, decimals out of shape or scale, unknown codes, zones, enums, dates and
   * fields, empty and repeated arrays, seats out of range, trailing text.
   */
  static final List<String[]> EDITS = List.of(
      new String[] {"\"129.50\"", "129.50"}, new String[] {"\"129.50\"", "\"129.501\""},
      new String[] {"\"129.50\"", "\"129.500\""}, new String[] {"\"129.50\"", "\"1.2950e2\""},
      new String[] {"\"129.50\"", "\"0129.50\""}, new String[] {"\"129.50\"", "\"-129.50\""},
      new String[] {"\"129.50\"", "\"129.\""}, new String[] {"\"129.50\"", "\".5\""}, new String[] {"\"129.50\"", "\"129\""},
      new String[] {"\"129.50\"", "\"1234567890123456789.00\""}, new String[] {"\"129.50\"", "\"1.0000000000000\""},
      new String[] {"\"129.50\"", "null"}, new String[] {"\"129.50\"", "\"+129.50\""}, new String[] {"\"129.50\"", "\" 129.50\""},
      new String[] {"\"1500\"", "\"1500.5\""}, new String[] {"\"1500\"", "\"1500.0\""}, new String[] {"\"1500\"", "1500"},
      new String[] {"\"USD\"", "\"usd\""}, new String[] {"\"USD\"", "\"EUR\""}, new String[] {"\"USD\"", "\"XXX\""},
      new String[] {"\"USD\"", "\"JPY\""}, new String[] {"\"USD\"", "840"}, new String[] {"\"JPY\"", "\"USD\""},
      new String[] {"\"America/New_York\"", "\"Mars/Base\""}, new String[] {"\"America/New_York\"", "\"Z\""},
      new String[] {"\"America/New_York\"", "\"UTC\""}, new String[] {"\"America/New_York\"", "\"+01:00\""},
      new String[] {"\"America/New_York\"", "null"},
      new String[] {"\"id\":\"acct-0000001\"", "\"id\":\"acct-0000001\",\"id\":\"acct-2\""},
      new String[] {"\"id\":\"acct-0000001\"", "\"id\":1"}, new String[] {"\"id\":\"acct-0000001\"", "\"id\":\"\""},
      new String[] {"\"id\":\"acct-0000001\"", "\"id\":\"a b\""}, new String[] {"\"id\":\"acct-0000001\",", ""},
      new String[] {"\"id\":\"sub-0000001\"", "\"id\":\"sub-0000001\",\"id\":\"sub-2\""},
      new String[] {"\"plan\":\"svc-2\"", "\"plan\":\"svc-2\",\"plan\":\"svc-3\""},
      new String[] {"\"per\":\"MONTHLY\"", "\"per\":\"monthly\""}, new String[] {"\"per\":\"MONTHLY\"", "\"per\":\"ANNUAL\""},
      new String[] {"\"per\":\"MONTHLY\"", "\"per\":\"MONTHLY\",\"per\":\"MONTHLY\""},
      new String[] {",\"per\":\"MONTHLY\"", ""}, new String[] {"\"per\":\"MONTHLY\"", "\"per\":null"},
      new String[] {"\"currency\":\"USD\"}", "\"currency\":\"USD\",\"amount\":\"1.00\"}"},
      new String[] {"\"currency\":\"USD\"}", "\"currency\":\"USD\",\"extra\":1}"},
      new String[] {"2020-01-01T00:00:00Z", "2020-01-01T00:00:00"}, new String[] {"2020-01-01T00:00:00Z", "2020-02-30T00:00:00Z"},
      new String[] {"2020-01-01T00:00:00Z", "2020-01-01T00:00:00+01:00"}, new String[] {"2020-01-01T00:00:00Z", "1577836800"},
      new String[] {"\"start\":\"2020-01-01T00:00:00Z\"", "\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2019-01-01T00:00:00Z\""},
      new String[] {"\"start\":\"2020-01-01T00:00:00Z\"", "\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2020-01-01T00:00:00Z\""},
      new String[] {"\"start\":\"2020-01-01T00:00:00Z\"", "\"end\":\"2021-01-01T00:00:00Z\""},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[]"}, new String[] {"[\"svc-2/cluster-40/node-71\"]", "\"svc-2\""},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\",\"svc-2\"]"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2//x\"]"}, new String[] {"[\"svc-2/cluster-40/node-71\"]", "[null]"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"seats\":0"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"seats\":2"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"seats\":2.0"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"seats\":2147483648"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"seats\":\"2\""},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"tags\":[\"a\",\"a\"]"},
      new String[] {"[\"svc-2/cluster-40/node-71\"]", "[\"svc-2\"],\"tags\":[]"},
      new String[] {"\"zone\":", "\"tags\":[\"b\",\"a\"],\"zone\":"}, new String[] {"\"zone\":", "\"tags\":[1],\"zone\":"},
      new String[] {"\"zone\":", "\"billing\":{\"cycle\":\"QUARTERLY\"},\"zone\":"},
      new String[] {"\"zone\":", "\"billing\":{\"anchor\":\"2024-01-31\"},\"zone\":"},
      new String[] {"\"zone\":", "\"billing\":null,\"zone\":"}, new String[] {"\"zone\":", "\"customerSince\":\"2005-3-1\",\"zone\":"},
      new String[] {"\"zone\":", "\"standing\":[{\"from\":\"2024-03-01T00:00:00Z\",\"status\":\"CLOSED\"}],\"zone\":"},
      new String[] {"\"zone\":", "\"standing\":[{\"from\":\"2024-03-01T00:00:00Z\"}],\"zone\":"},
      new String[] {"\"zone\":", "\"subscriptions\":[],\"zone\":"}, new String[] {"\"zone\":", "\"@class\":\"x\",\"zone\":"},
      new String[] {"\"prices\":[", "\"prices\":[],\"x\":["}, new String[] {"\"prices\":[", "\"prices\":{},\"x\":["},
      new String[] {"\"subscriptions\":[", "\"subscriptions\":[1,"}, new String[] {"\"subscriptions\":[", "\"subscriptions\":[{},"},
      new String[] {"}]}", "}]} {}"}, new String[] {"}]}", "}]}]"}, new String[] {"}]}", "}]}\u0000"},
      new String[] {"}]}", "}],\"subscriptions\":[]}"}, new String[] {"{\"id\"", "[{\"id\""},
      new String[] {"\"quarterly\"", "\"QUARTERLY\""}, new String[] {"\"QUARTERLY\"", "\"quarterly\""},
      new String[] {"\"anchor\":\"2024-01-31\"", "\"anchor\":\"2024-01-31\",\"anchor\":\"2024-01-30\""},
      new String[] {"\"SUSPENDED\"", "\"suspended\""}, new String[] {"\"seats\":3", "\"seats\":-3"},
      new String[] {"\"seats\":3", "\"seats\":3e0"}, new String[] {"\"seats\":3", "\"seats\":03"},
      new String[] {"\"effectiveFrom\":\"2024-01-01\",", ""}, new String[] {"\"2024-01-01\"", "\"2024-01-01T00:00:00Z\""},
      new String[] {"\"id\"", "\"i\\u0064\""}, new String[] {"\"gold\"", "\"g\\u00f6ld\""});

  /** Each row of the table: a line, and what reading it gives. */
  static Stream<Arguments> table() {
    try (InputStream in = AccountLinesTest.class.getResourceAsStream("account-lines.json")) {
      JsonNode rows = JsonMapper.shared().readTree(in);
      List<Arguments> out = new ArrayList<>();
      rows.forEach(r -> out.add(Arguments.of(r.get("line").stringValue(), r.get("read").stringValue())));
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("table")
  void bothEntryPointsReadEachLineOfTheTableAsRecorded(String line, String read) {
    assertThat(viaReader(line)).isEqualTo(read);
    assertThat(viaFromLine(line)).isEqualTo(read);
  }

  @Property(tries = 200)
  void readsEveryWrittenAccountBackEqual(@ForAll @From("accounts") Account account) {
    String line = RecordFormat.ACCOUNTS.toLine(account);

    assertThat(RecordFormat.ACCOUNTS.fromLine(line)).isEqualTo(account);
    assertThat(viaReader(line)).isEqualTo("accepted " + line);
  }

  @Property(tries = 500)
  void bothEntryPointsAgreeOnEditedLines(@ForAll("edited") String line) {
    assertThat(viaReader(line)).isEqualTo(viaFromLine(line));
  }

  @Property(tries = 300)
  void bothEntryPointsAgreeOnDamagedLines(@ForAll("damaged") String line) {
    // A stream is split into lines first, and a byte-order mark opening it is skipped: rules of the stream, not the line.
    Assume.that(line.indexOf('\n') < 0 && line.indexOf('\r') < 0);
    String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
    assertThat(viaReader(line)).isEqualTo(viaFromLine(text));
  }

  /** The line as a stream's reader reads it: the account written back, or the problems. */
  static String viaReader(String line) {
    try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(new StringReader(line + "\n"), "accounts.ndjson")) {
      RecordLine<Account> r = in.next();
      return r instanceof RecordLine.Accepted<Account> a ? "accepted " + RecordFormat.ACCOUNTS.toLine(a.record())
          : ((RecordLine.Rejected<Account>) r).problem().problems().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line as {@link RecordFormat#fromLine} reads it. */
  static String viaFromLine(String line) {
    try {
      return "accepted " + RecordFormat.ACCOUNTS.toLine(RecordFormat.ACCOUNTS.fromLine(line));
    } catch (JsonDocumentException e) {
      return e.problems().toString();
    }
  }

  @Provide
  Arbitrary<Account> accounts() {
    return new RecordRoundTripTest().accounts();
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> base = Arbitraries.oneOf(Arbitraries.of(FLEET_ACCOUNT, FULL_ACCOUNT),
        accounts().map(RecordFormat.ACCOUNTS::toLine));
    return Combinators.combine(base, Arbitraries.of(EDITS).list().ofMinSize(1).ofMaxSize(3)).as((line, edits) -> {
      String out = line;
      for (String[] e : edits) {
        out = out.replace(e[0], e[1]);
      }
      return out;
    });
  }

  @Provide
  Arbitrary<String> damaged() {
    RecordMutationTest damages = new RecordMutationTest();
    return Combinators.combine(Arbitraries.of(FLEET_ACCOUNT, FULL_ACCOUNT, RecordStreamTest.STORY_ACCOUNT),
        damages.damages(), damages.damages()).as((line, d1, d2) -> d2.apply(d1.apply(line)));
  }
}
