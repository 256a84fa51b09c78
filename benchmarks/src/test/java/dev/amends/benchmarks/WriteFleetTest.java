package dev.amends.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.Main;
import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written fleet reads back as generated, and the command decides it as the library does. */
class WriteFleetTest {
  private static final long SEED = 7L;
  private static final int ACCOUNTS = 1_000;
  private static final int CLUSTERS = 20;
  private static final int OUTAGES = 300;

  @TempDir
  Path dir;

  @Test
  void writtenFilesReadBackAsTheGeneratedFleet() throws IOException {
    WriteFleet.write(dir, SEED, ACCOUNTS, CLUSTERS, OUTAGES);
    Fleet fleet = Fleet.generate(SEED, ACCOUNTS, CLUSTERS, OUTAGES);

    assertThat(readAll(RecordFormat.ACCOUNTS, dir.resolve(WriteFleet.ACCOUNTS))).isEqualTo(fleet.accounts());
    assertThat(readAll(RecordFormat.OUTAGES, dir.resolve(WriteFleet.OUTAGES))).isEqualTo(fleet.outages());
    Policy policy = PolicyDocuments.standard().read(dir.resolve(WriteFleet.POLICY)).value();
    assertThat(policy.digest()).isEqualTo(Fleet.policy().digest());
    Campaign campaign = CampaignDocuments.standard().read(dir.resolve(WriteFleet.CAMPAIGN)).value();
    assertThat(campaign.digest()).isEqualTo(fleet.campaign().digest());
  }

  @Test
  void aShapedFleetReadsBackAsTheGeneratedFleetOfThatShape() throws IOException {
    WriteFleet.write(dir, SEED, ACCOUNTS, Fleet.Shape.ISSUE_16);
    Fleet fleet = Fleet.generate(SEED, ACCOUNTS, Fleet.Shape.ISSUE_16);

    assertThat(readAll(RecordFormat.ACCOUNTS, dir.resolve(WriteFleet.ACCOUNTS))).isEqualTo(fleet.accounts());
    assertThat(readAll(RecordFormat.OUTAGES, dir.resolve(WriteFleet.OUTAGES))).isEqualTo(fleet.outages()).hasSize(2_000);
  }

  @Test
  void streamingGenerationGivesTheSameAccountsAndOutages() {
    List<Account> streamed = new ArrayList<>();
    Fleet withoutAccounts = Fleet.generate(SEED, ACCOUNTS, CLUSTERS, OUTAGES, streamed::add);
    Fleet fleet = Fleet.generate(SEED, ACCOUNTS, CLUSTERS, OUTAGES);

    assertThat(withoutAccounts.accounts()).isEmpty();
    assertThat(streamed).isEqualTo(fleet.accounts());
    assertThat(withoutAccounts.outages()).isEqualTo(fleet.outages());
    assertThat(withoutAccounts.goodwillCluster()).isEqualTo(fleet.goodwillCluster());
  }

  @Test
  void theCommandOverTheWrittenFilesCreditsWhatTheLibraryCreditsInMemory() throws IOException {
    WriteFleet.write(dir, SEED, ACCOUNTS, CLUSTERS, OUTAGES);
    Fleet fleet = Fleet.generate(SEED, ACCOUNTS, CLUSTERS, OUTAGES);
    CreditEngine engine = fleet.engine(false); // the SLA policy and the goodwill campaign
    Map<CurrencyUnit, Money> expected = new TreeMap<>();
    for (Account a : fleet.accounts()) {
      CreditDecision d = engine.decide(a, fleet.period(a));
      d.totals().values().forEach(m -> expected.merge(m.getCurrencyUnit(), m, Money::plus));
    }
    Path out = dir.resolve("decisions.ndjson");
    StringWriter err = new StringWriter();

    int exit = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("credit",
        "--policy", dir.resolve(WriteFleet.POLICY).toString(),
        "--campaign", dir.resolve(WriteFleet.CAMPAIGN).toString(),
        "--accounts", dir.resolve(WriteFleet.ACCOUNTS).toString(),
        "--outages", dir.resolve(WriteFleet.OUTAGES).toString(),
        "--period", Fleet.MONTH.toString(), "--out", out.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(ACCOUNTS);
    // every currency of the fleet is credited something, so the comparison is not of empty maps
    assertThat(expected).containsOnlyKeys(CurrencyUnit.USD, CurrencyUnit.EUR, CurrencyUnit.JPY);
    assertThat(totalsPrinted(err.toString())).isEqualTo(expected);
    assertThat(err.toString()).contains("accounts per second", "peak heap used", "policy load");
  }

  /** The summary's "Credits per currency" rows, such as {@code USD 1234.50}. */
  private static Map<CurrencyUnit, Money> totalsPrinted(String err) {
    String section = err.substring(err.indexOf("Credits per currency"), err.indexOf("Credits per plan"));
    Map<CurrencyUnit, Money> totals = new TreeMap<>();
    Matcher m = Pattern.compile("([A-Z]{3}) (-?[0-9.]+)\\s*$", Pattern.MULTILINE).matcher(section);
    while (m.find()) {
      CurrencyUnit c = CurrencyUnit.of(m.group(1));
      totals.put(c, Money.of(c, new BigDecimal(m.group(2))));
    }
    return totals;
  }

  private static <T> List<T> readAll(RecordFormat<T> format, Path file) throws IOException {
    List<T> records = new ArrayList<>();
    try (RecordReader<T> in = format.reader(file)) {
      while (in.hasNext()) {
        switch (in.next()) {
          case RecordLine.Accepted<T> a -> records.add(a.record());
          case RecordLine.Rejected<T> r -> throw new AssertionError(r.problem().getMessage());
        }
      }
    }
    return records;
  }

  @Test
  void writtenFilesAreTheSameBytesEveryTime(@TempDir Path again) throws IOException {
    WriteFleet.write(dir, SEED, 200, CLUSTERS, 50);
    WriteFleet.write(again, SEED, 200, CLUSTERS, 50);

    for (String f : List.of(WriteFleet.ACCOUNTS, WriteFleet.OUTAGES, WriteFleet.POLICY, WriteFleet.CAMPAIGN)) {
      assertThat(Files.mismatch(dir.resolve(f), again.resolve(f))).as(f).isEqualTo(-1L);
    }
  }
}
