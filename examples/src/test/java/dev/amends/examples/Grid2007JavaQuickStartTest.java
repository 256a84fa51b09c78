package dev.amends.examples;

import static org.assertj.core.api.Assertions.assertThat;

// README Java quick start imports: begin
import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
// README Java quick start imports: end

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The seed example in plain Java, as the README quotes it verbatim between the markers: the
 * policy and the campaign from their documents, the outages and one account from their NDJSON
 * files, one decision. It uses the public API only, with the imports a user writes.
 */
class Grid2007JavaQuickStartTest {
  @Test
  void acmeGetsTheSlaCreditAndTwoFreeMonths() throws IOException {
    Path grid = Path.of("..", "examples", "grid-2007"); // the README runs from the root: examples/grid-2007
    // README Java quick start: begin
    Policy sla = PolicyDocuments.standard().read(grid.resolve("policy.json")).value();
    Campaign goodwill = CampaignDocuments.standard().read(grid.resolve("goodwill.json")).value();
    List<Outage> outages = Files.readAllLines(grid.resolve("outages.ndjson")).stream()
        .map(RecordFormat.OUTAGES::fromLine).toList();
    Account acme = RecordFormat.ACCOUNTS.fromLine(Files.readAllLines(grid.resolve("accounts.ndjson")).get(0));

    CreditEngine engine = CreditEngine.builder()
        .policies(PolicyBook.of(sla))
        .campaigns(goodwill)
        .outages(OutageLog.of(outages))
        .build();
    CreditDecision december = engine.decide(acme, YearMonth.of(2007, 12));

    // SLA: 7 h overrun, 99.0591 % -> 10 % of USD 20.00; goodwill: 2 months x USD 20.00
    assertThat(december.lines()).extracting(CreditLine::rulePath)
        .containsExactly("tiers", "goodwill-2007/two-months-free");
    assertThat(december.lines()).extracting(CreditLine::amount)
        .containsExactly(Money.parse("USD 2.00"), Money.parse("USD 40.00"));
    assertThat(december.total(CurrencyUnit.USD)).isEqualTo(Money.parse("USD 42.00"));
    // README Java quick start: end
  }

  @Test
  void readmeShowsThisTestsCodeAndImports() throws IOException {
    String test = Files.readString(Path.of("src/test/java/dev/amends/examples/Grid2007JavaQuickStartTest.java"));
    String imports = between(test, "// README Java quick start imports: begin\n", "// README Java quick start imports: end");
    String code = between(test, "    // README Java quick start: begin\n", "    // README Java quick start: end");
    String unindented = code.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains(imports + "\n" + unindented);
  }

  private static String between(String text, String begin, String end) {
    return text.split(begin, 2)[1].split(end, 2)[0];
  }
}
