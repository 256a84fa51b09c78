package dev.amends.examples.accountcenter;

import dev.amends.core.account.Account;
import dev.amends.rules.Campaign;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The policy, campaigns and accounts, read once at start. A bad line of the accounts file stops
 * the start, naming the file, the line and the problem: a backend that silently lost an account
 * would silently withhold its credits.
 */
@Component
class Documents {
  private final PolicyBook policies;
  private final List<String> policyDigests;
  private final List<Campaign> campaigns;
  private final Map<String, Account> accounts;

  Documents(AccountCenterProperties properties) {
    Policy policy = PolicyDocuments.standard().read(properties.policyFile()).value();
    this.policies = PolicyBook.of(policy);
    this.policyDigests = List.of(policy.digest());
    this.campaigns = properties.campaignFiles().stream().map(p -> CampaignDocuments.standard().read(p).value()).toList();
    Map<String, Account> byId = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (RecordReader<Account> in = RecordFormat.ACCOUNTS.reader(properties.accountsFile())) {
      in.forEachRemaining(line -> {
        switch (line) {
          case RecordLine.Accepted<Account> a -> {
            if (byId.putIfAbsent(a.record().id(), a.record()) != null) {
              problems.add("line " + a.lineNumber() + ": account id " + a.record().id() + " is given twice");
            }
          }
          case RecordLine.Rejected<Account> r -> problems.add("line " + r.lineNumber() + ": " + r.problem().getMessage());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the accounts file " + properties.accountsFile(), e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(properties.accountsFile() + ": " + String.join("; ", problems));
    }
    this.accounts = byId;
  }

  PolicyBook policies() {
    return policies;
  }

  List<String> policyDigests() {
    return policyDigests;
  }

  List<Campaign> campaigns() {
    return campaigns;
  }

  List<String> campaignDigests() {
    return campaigns.stream().map(Campaign::digest).toList();
  }

  /** Every account, in file order. */
  Iterable<Account> accounts() {
    return accounts.values();
  }

  Optional<Account> account(String id) {
    return Optional.ofNullable(accounts.get(id));
  }
}
