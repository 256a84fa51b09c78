package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path of account lines ({@link AccountLines}) against the codec's tree path,
 * the reference: on every line it accepts, the codec accepts the same account; it reads every
 * well-formed line written by the format; and what it declines is read by the codec, so a reader's
 * rejections are the codec's, message for message.
 */
class AccountFastPathTest {
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
   * Changes made to a good line, each somewhere the fast path must be as strict as the codec:
   * duplicate keys, numbers and nulls for strings, decimals out of shape or scale, unknown codes,
   * zones, enums, dates and fields, empty and repeated arrays, seats out of range, trailing text.
   */
  private static final List<String[]> EDITS = List.of(
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

  @Property(tries = 200)
  void acceptsEveryWrittenAccountAsTheCodecReadsIt(@ForAll @From("accounts") Account account) {
    String line = RecordFormat.ACCOUNTS.toLine(account);
    Account fast = AccountLines.read(line);
    assertThat(fast).isEqualTo(account).isEqualTo(RecordFormat.ACCOUNTS.fromLine(line));
  }

  @Property(tries = 500)
  void neverAcceptsWhatTheCodecRejectsNorReadsItDifferently(@ForAll("edited") String line) {
    Account fast = AccountLines.read(line);
    if (fast != null) {
      assertThat(fast).isEqualTo(RecordFormat.ACCOUNTS.fromLine(line));
    }
  }

  @Property(tries = 300)
  void damagedLinesAreAcceptedOnlyAsTheCodecAcceptsThem(@ForAll("damaged") String line) {
    Account fast = AccountLines.read(line);
    if (fast != null) {
      assertThat(fast).isEqualTo(RecordFormat.ACCOUNTS.fromLine(line));
    }
  }

  @Test
  void readsFleetAndFullLines() {
    for (String line : List.of(FLEET_ACCOUNT, FULL_ACCOUNT, RecordStreamTest.STORY_ACCOUNT)) {
      assertThat(AccountLines.read(line)).isNotNull().isEqualTo(RecordFormat.ACCOUNTS.fromLine(line));
    }
  }

  @Test
  void declinesADuplicateKeyAndTheReaderRejectsItAsBefore() {
    String line = FLEET_ACCOUNT.replace("\"per\":\"MONTHLY\"", "\"per\":\"MONTHLY\",\"per\":\"ANNUAL\"");
    assertThat(AccountLines.read(line)).isNull();
    try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(new StringReader(line + "\n"), "a.ndjson")) {
      RecordLine<Account> read = in.next();
      assertThat(read).isInstanceOf(RecordLine.Rejected.class);
      assertThat(((RecordLine.Rejected<Account>) read).problem().getMessage()).contains("a.ndjson line 1").contains("per");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void declinesAnAmountGivenAsANumberWhichTheCodecStillAccepts() {
    String line = FLEET_ACCOUNT.replace("\"129.50\"", "129.50");
    assertThat(AccountLines.read(line)).isNull();
    assertThat(RecordFormat.ACCOUNTS.fromLine(line)).isEqualTo(AccountLines.read(FLEET_ACCOUNT));
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

  /** How many of the edits leave a line the codec accepts: the edited lines test both sides. */
  @Test
  void theEditsIncludeLinesBothAcceptedAndRejected() {
    List<Boolean> accepted = new ArrayList<>();
    for (String[] e : EDITS) {
      String line = (FLEET_ACCOUNT.contains(e[0]) ? FLEET_ACCOUNT : FULL_ACCOUNT).replace(e[0], e[1]);
      try {
        RecordFormat.ACCOUNTS.fromLine(line);
        accepted.add(true);
      } catch (JsonDocumentException x) {
        accepted.add(false);
      }
    }
    assertThat(accepted).contains(true, false);
  }
}
