package dev.amends.examples.accountcenter;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The files AccountCenter decides with, {@code accountcenter.*} in the application's properties.
 * A real backend would read its accounts from its own database; the example reads the seed
 * story's files, so the numbers can be checked against examples/grid-2007/README.md.
 *
 * @param policy the policy document, such as {@code ../grid-2007/policy.json}
 * @param campaigns goodwill campaign documents, such as {@code ../grid-2007/goodwill.json}; may be empty
 *     ({@code accountcenter.campaigns=} for none)
 * @param accounts the accounts, NDJSON, such as {@code ../grid-2007/accounts.ndjson}
 */
@ConfigurationProperties("accountcenter")
public record AccountCenterProperties(String policy, List<String> campaigns, String accounts) {
  /** Checks the policy and accounts are named; no campaigns, or blank names, is an empty list. */
  public AccountCenterProperties {
    if (policy == null) {
      throw new IllegalArgumentException("accountcenter.policy is not set: name the policy document");
    }
    if (accounts == null) {
      throw new IllegalArgumentException("accountcenter.accounts is not set: name the accounts file (NDJSON)");
    }
    campaigns = campaigns == null ? List.of() : campaigns.stream().filter(c -> !c.isBlank()).toList();
  }

  /** The policy document's path (a plain file path: Spring would read a Path as a class path resource). */
  Path policyFile() {
    return Path.of(policy);
  }

  /** The campaign documents' paths. */
  List<Path> campaignFiles() {
    return campaigns.stream().map(Path::of).toList();
  }

  /** The accounts file's path. */
  Path accountsFile() {
    return Path.of(accounts);
  }
}
