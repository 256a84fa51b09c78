package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit --previous}: re-running a period with the earlier runs' output as what was
 * issued issues only the difference, and nothing when nothing changed.
 */
class PreviousRunsCliTest {
  static final Path GRID = Path.of("..", "examples", "grid-2007");
  static final Path CORRECTED = Path.of("..", "examples", "corrected-outage");

  @TempDir
  Path tmp;

  static String[] credit(Path example, String outages, String period, Path accounts, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("credit", "--policy", example.resolve("policy.json").toString(),
        "--accounts", accounts.toString(), "--outages", example.resolve(outages).toString(), "--period", period,
        "--threads", "2", "--out", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Every credit line of a decisions NDJSON file, as issued. */
  static List<IssuedCredit> creditsIn(Path decisions) throws IOException {
    List<IssuedCredit> out = new ArrayList<>();
    try (RecordReader<List<AccountRecord<IssuedCredit>>> in =
        DecisionJson.issuedReader(new StringReader(Files.readString(decisions)), decisions.toString())) {
      in.forEachRemaining(line -> {
        switch (line) {
          case RecordLine.Accepted<List<AccountRecord<IssuedCredit>>> a -> a.record().forEach(r -> out.add(r.record()));
          case RecordLine.Rejected<List<AccountRecord<IssuedCredit>>> r -> throw new AssertionError(r.problem().getMessage());
        }
      });
    }
    return out;
  }

  static void assertIssuesNothing(Run again, Path out, long decisions) throws IOException {
    assertThat(again.exit()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize((int) decisions)
        .allSatisfy(l -> assertThat(l).startsWith("{\"result\":\"decided\"").contains("\"lines\":[]", "\"totals\":[]",
            "\"flags\":[]"));
    assertThat(again.err()).containsSubsequence("credit lines", "0", "Credits per currency", "Credits per plan");
    assertThat(again.err()).doesNotContain("USD", "EUR");
  }

  @Test
  void reRunningTheSeedExampleWithItsOwnOutputIssuesNothingNew() throws IOException {
    Path run1 = tmp.resolve("december-run1.ndjson");
    Path run2 = tmp.resolve("december-run2.ndjson");
    Path accounts = GRID.resolve("accounts.ndjson");
    assertThat(run(credit(GRID, "outages.ndjson", "2007-12", accounts, run1)).exit()).isEqualTo(0);
    assertThat(creditsIn(run1)).hasSize(4); // acme 2.00, borealis 5.00, cobalt 4.50, elbe EUR 3.00

    Run again = run(credit(GRID, "outages.ndjson", "2007-12", accounts, run2, "--previous", run1.toString()));

    assertIssuesNothing(again, run2, 6);
    assertThat(again.err()).contains("previous runs: 4 credit lines of 6 decisions read from 1 file");
  }

  @Test
  void reRunningAGeneratedFleetWithItsOwnOutputIssuesNothingNew() throws IOException {
    Path accounts = tmp.resolve("fleet.ndjson");
    int n = GeneratedFleet.write(accounts, 2_000, 2007);
    Path run1 = tmp.resolve("fleet-run1.ndjson");
    Path run2 = tmp.resolve("fleet-run2.ndjson");
    Path outages = tmp.resolve("fleet-outages.ndjson");
    GeneratedFleet.writeOutages(outages, 2007);
    Path example = tmp.resolve("example");
    Files.createDirectories(example);
    Files.copy(GRID.resolve("policy.json"), example.resolve("policy.json"));
    Files.move(outages, example.resolve("outages.ndjson"));

    Run first = run(credit(example, "outages.ndjson", "2007-12", accounts, run1));
    assertThat(first.exit()).as(first.err()).isEqualTo(0);
    List<IssuedCredit> issued = creditsIn(run1);
    // a non-trivial first run: many credits, in both currencies
    assertThat(issued).hasSizeGreaterThan(700);
    assertThat(issued).extracting(c -> c.amount().getCurrencyUnit().getCode()).contains("USD", "EUR");

    Run again = run(credit(example, "outages.ndjson", "2007-12", accounts, run2, "--previous", run1.toString()));

    assertIssuesNothing(again, run2, n);
    assertThat(again.err()).contains("previous runs: " + issued.size() + " credit lines of " + n + " decisions");
  }

  @Test
  void correctedOutageExampleIssuesOnlyTheDifference() throws IOException {
    Path accounts = CORRECTED.resolve("accounts.ndjson");
    Path run1 = tmp.resolve("november-run1.ndjson");
    Path run2 = tmp.resolve("november-run2.ndjson");
    Path run3 = tmp.resolve("november-run3.ndjson");
    Run first = run(credit(CORRECTED, "outages.ndjson", "2007-11", accounts, run1));
    assertThat(first.exit()).isEqualTo(0);
    // 10 % of 40.00; 10 % of 1,200.00 / 12; 100 % of 30.00; 100 % of 19.99; 10 % of 50.00 = 68.99 in all
    assertThat(creditsIn(run1)).extracting(c -> c.amount().toString())
        .containsExactly("USD 4.00", "USD 10.00", "USD 30.00", "USD 19.99", "USD 5.00");

    Run second = run(credit(CORRECTED, "outages-corrected.ndjson", "2007-11", accounts, run2,
        "--previous", run1.toString()));

    assertThat(second.exit()).isEqualTo(0);
    List<String> lines = Files.readAllLines(run2);
    // aster 25 % of 40.00 = 10.00, less 4.00; birch 25 % of 100.00 = 25.00, less 10.00;
    // cedar 25 % of 30.00 = 7.50, less 30.00; dune 25 % of 19.99 = 4.9975 -> 5.00, less 19.99; elm unchanged
    assertThat(lines.get(0)).contains("\"accountId\":\"aster\"", "\"kind\":\"TOP_UP\"", "{\"amount\":\"6.00\",\"currency\":\"USD\"}");
    assertThat(lines.get(1)).contains("\"accountId\":\"birch\"", "\"kind\":\"TOP_UP\"", "{\"amount\":\"15.00\",\"currency\":\"USD\"}");
    assertThat(lines.get(2)).contains("\"accountId\":\"cedar\"", "\"kind\":\"CLAWBACK\"", "{\"amount\":\"-22.50\",\"currency\":\"USD\"}");
    assertThat(lines.get(3)).contains("\"accountId\":\"dune\"", "\"kind\":\"CLAWBACK\"", "{\"amount\":\"-14.99\",\"currency\":\"USD\"}");
    assertThat(lines.get(4)).contains("\"accountId\":\"elm\"", "\"lines\":[]");
    // 6.00 + 15.00 - 22.50 - 14.99 = -16.49 = 52.50 (corrected) - 68.99 (first)
    assertThat(second.err()).containsSubsequence("credit lines", "4", "Credits per currency", "USD", "-16.49");

    Run third = run(credit(CORRECTED, "outages-corrected.ndjson", "2007-11", accounts, run3,
        "--previous", run1.toString(), "--previous", run2.toString()));

    assertIssuesNothing(third, run3, 5);
    assertThat(third.err()).contains("previous runs: 9 credit lines of 10 decisions read from 2 files");
  }

  @Test
  void theSameOutputGivenTwiceIsRefusedBeforeAnythingIsDecided() throws IOException {
    Path run1 = tmp.resolve("december-run1.ndjson");
    Path run2 = tmp.resolve("december-run2.ndjson");
    Path accounts = GRID.resolve("accounts.ndjson");
    run(credit(GRID, "outages.ndjson", "2007-12", accounts, run1));

    Run again = run(credit(GRID, "outages.ndjson", "2007-12", accounts, run2,
        "--previous", run1.toString(), "--previous", run1.toString()));

    assertThat(again.exit()).isEqualTo(2);
    // acme's line 1 of the second copy repeats the key read at line 1 of the first
    assertThat(again.err()).contains("rejected: december-run1.ndjson line 1: credit cr-",
        "of account acme was already read at december-run1.ndjson line 1; is the same run given twice?",
        "--previous: 4 lines not used; nothing was decided");
    assertThat(run2).doesNotExist();
  }

  @Test
  void aCsvOutputGivenAsPreviousIsRefusedWithTheLineAndReason() throws IOException {
    Path csv = tmp.resolve("december.csv");
    Path run2 = tmp.resolve("december-run2.ndjson");
    Path accounts = GRID.resolve("accounts.ndjson");
    run(credit(GRID, "outages.ndjson", "2007-12", accounts, csv, "--format", "csv"));

    Run again = run(credit(GRID, "outages.ndjson", "2007-12", accounts, run2, "--previous", csv.toString()));

    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("rejected: december.csv line 1", "is not valid JSON",
        "--previous: 5 lines not used; nothing was decided, since the credits on them would be issued again");
    assertThat(run2).doesNotExist();
  }

  /**
   * A fleet written as NDJSON: accounts in USD and EUR, in New York and Berlin, monthly and annual
   * prices, calendar and anniversary billing, one or two subscriptions, on 40 clusters; and outages
   * of 10 minutes to 60 hours on them in December 2007 and January 2008. Same seed, same files.
   */
  static final class GeneratedFleet {
    static final int CLUSTERS = 40;

    private GeneratedFleet() {}

    static int write(Path file, int accounts, long seed) {
      Random random = new Random(seed);
      List<String> lines = new ArrayList<>(accounts);
      for (int i = 0; i < accounts; i++) {
        boolean euro = random.nextInt(4) == 0;
        String currency = euro ? "EUR" : "USD";
        String zone = random.nextBoolean() ? "America/New_York" : "Europe/Berlin";
        String billing = random.nextInt(3) == 0
            ? ",\"billing\":{\"cycle\":\"MONTHLY\",\"anchor\":\"2007-01-" + (10 + random.nextInt(18)) + "\"}" : "";
        StringBuilder subs = new StringBuilder();
        int count = 1 + random.nextInt(2);
        for (int s = 0; s < count; s++) {
          boolean annual = random.nextInt(5) == 0;
          long cents = (annual ? 12_000 : 1_000) + random.nextInt(annual ? 200_000 : 20_000);
          subs.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT,
              "{\"id\":\"s%d-%d\",\"plan\":\"grid-%s\",\"prices\":[{\"amount\":{\"amount\":\"%d.%02d\",\"currency\":\"%s\"},"
                  + "\"per\":\"%s\"}],\"active\":{\"start\":\"2006-06-01T00:00:00Z\"},\"placements\":[\"grid/c%d\"]}",
              i, s, annual ? "annual" : "monthly", cents / 100, cents % 100, currency, annual ? "ANNUAL" : "MONTHLY",
              random.nextInt(CLUSTERS)));
        }
        lines.add(String.format(Locale.ROOT, "{\"id\":\"f%05d\",\"currency\":\"%s\",\"zone\":\"%s\"%s,"
            + "\"customerSince\":\"2006-06-01\",\"subscriptions\":[%s]}", i, currency, zone, billing, subs));
      }
      try {
        Files.write(file, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return accounts;
    }

    static void writeOutages(Path file, long seed) {
      Random random = new Random(seed);
      Instant from = Instant.parse("2007-12-01T00:00:00Z");
      List<String> lines = new ArrayList<>();
      for (int c = 0; c < CLUSTERS; c++) {
        int outages = random.nextInt(3); // none on about a third of the clusters
        for (int o = 0; o < outages; o++) {
          Instant start = from.plus(Duration.ofMinutes(random.nextInt(50 * 24 * 60)));
          Instant end = start.plus(Duration.ofMinutes(10 + random.nextInt(60 * 60)));
          lines.add("{\"id\":\"INC-c" + c + "-" + o + "\",\"scopes\":[\"grid/c" + c + "\"],\"window\":{\"start\":\""
              + start + "\",\"end\":\"" + end + "\"},\"kind\":\"UNPLANNED\",\"impact\":{\"level\":\"FULL\"},"
              + "\"cause\":\"PROVIDER\"}");
        }
      }
      try {
        Files.write(file, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
