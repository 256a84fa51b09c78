package dev.amends.spark;

import dev.amends.core.outage.OutageLog;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/** Loaded by {@link JacksonOnSparkTest} in a class loader of its own: reads, decides and writes JSON. */
public final class JacksonProbe {
  private JacksonProbe() {}

  /** Where jackson-annotations came from, and acme's December decision as JSON. */
  public static String[] decideAcme(String gridDir) throws IOException {
    Path grid = Path.of(gridDir);
    CreditEngine engine = CreditEngine.builder()
        .policies(PolicyBook.of(PolicyDocuments.standard().read(grid.resolve("policy.json")).value()))
        .campaigns(CampaignDocuments.standard().read(grid.resolve("goodwill.json")).value())
        .outages(OutageLog.of(Files.readAllLines(grid.resolve("outages.ndjson")).stream()
            .map(RecordFormat.OUTAGES::fromLine).toList()))
        .traces(false)
        .build();
    String acme = Files.readAllLines(grid.resolve("accounts.ndjson")).get(0);
    String json = DecisionJson.toLine(engine.decide(RecordFormat.ACCOUNTS.fromLine(acme), YearMonth.of(2007, 12)));
    return new String[] {
      com.fasterxml.jackson.annotation.JsonFormat.class.getProtectionDomain().getCodeSource().getLocation().toString(),
      json
    };
  }
}
