package dev.amends.examples;

import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one example's files, {@code examples/<name>/policy.json}, {@code accounts.ndjson} and
 * {@code outages.ndjson}, as a user would. The tests run with this module's directory as the
 * working directory, so the path goes up once and back in: it also works from the repository root.
 */
final class ExampleFiles {
  private final Path dir;

  private ExampleFiles(Path dir) {
    this.dir = dir;
  }

  static ExampleFiles of(String name) {
    return new ExampleFiles(Path.of("../examples", name));
  }

  /** The policy document {@code policy.json}. */
  Policy policy() {
    return policy("policy.json");
  }

  /** A policy document of the example; one with warnings is refused, so the examples stay clean. */
  Policy policy(String file) {
    var loaded = PolicyDocuments.standard().read(dir.resolve(file));
    if (!loaded.warnings().isEmpty()) {
      throw new AssertionError(dir.resolve(file) + " has warnings: " + loaded.warnings());
    }
    return loaded.value();
  }

  /** A campaign document of the example; one with warnings is refused, as for policies. */
  Campaign campaign(String file) {
    var loaded = CampaignDocuments.standard().read(dir.resolve(file));
    if (!loaded.warnings().isEmpty()) {
      throw new AssertionError(dir.resolve(file) + " has warnings: " + loaded.warnings());
    }
    return loaded.value();
  }

  List<Account> accounts() {
    return read(RecordFormat.ACCOUNTS, "accounts.ndjson");
  }

  List<Outage> outages() {
    return Files.exists(dir.resolve("outages.ndjson")) ? read(RecordFormat.OUTAGES, "outages.ndjson") : List.of();
  }

  /** An engine with this example's policy and outages, and the campaigns given. */
  CreditEngine engine(Campaign... campaigns) {
    return CreditEngine.builder().policies(PolicyBook.of(policy())).outages(OutageLog.of(outages()))
        .campaigns(campaigns).build();
  }

  /** An engine with this example's policy and the outages of another file, such as a corrected one. */
  CreditEngine engine(String outagesFile) {
    return CreditEngine.builder().policies(PolicyBook.of(policy()))
        .outages(OutageLog.of(read(RecordFormat.OUTAGES, outagesFile))).build();
  }

  /** Every record of the file; a rejected line fails the test, naming its line and problem. */
  private <T> List<T> read(RecordFormat<T> format, String file) {
    List<T> out = new ArrayList<>();
    try (RecordReader<T> reader = format.reader(dir.resolve(file))) {
      reader.forEachRemaining(line -> {
        switch (line) {
          case RecordLine.Accepted<T> a -> out.add(a.record());
          case RecordLine.Rejected<T> r ->
              throw new AssertionError(file + " line " + r.lineNumber() + ": " + r.problem().getMessage());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
