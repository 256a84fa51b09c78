package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import dev.amends.presets.Presets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code amends presets} and {@code credit --preset NAME}. */
class PresetsCliTest {
  static final Path CLOUD = Path.of("..", "examples", "cloud-tiers");

  static String[] creditCloud(String... policyArgs) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("credit"));
    args.addAll(java.util.List.of(policyArgs));
    args.addAll(java.util.List.of("--accounts", CLOUD.resolve("accounts.ndjson").toString(),
        "--outages", CLOUD.resolve("outages.ndjson").toString(), "--claims", CLOUD.resolve("claims.ndjson").toString(),
        "--period", "2026-06", "--threads", "2"));
    return args.toArray(String[]::new);
  }

  @Test
  void presetsListsEveryPresetWithItsSource() {
    Run r = run("presets");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out().lines()).hasSize(Presets.names().size()).hasSize(12);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("aws-compute-region  ")
        .contains("Amazon Compute Service Level Agreement", "May 5, 2022");
    assertThat(r.out()).contains("aws-ec2-2008", "aws-compute-instance", "atlassian-cloud-premium", "azure-virtual-machines", "digitalocean-droplet",
        "github-enterprise-cloud", "google-compute-engine", "google-workspace", "microsoft-365",
        "rackspace-managed-hosting", "upcloud");
  }

  @Test
  void presetsWithANamePrintsItsDocument() {
    Run r = run("presets", "google-workspace");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).startsWith("{").contains("\"id\": \"google-workspace\"", "\"kind\": \"days-of-service\"");
  }

  @Test
  void anUnknownPresetIsAUsageErrorListingTheNames() {
    Run listed = run("presets", "aws");
    Run credit = run(creditCloud("--preset", "aws"));

    assertThat(listed.exit()).isEqualTo(2);
    assertThat(listed.err()).contains("\"aws\"", "aws-compute-region");
    assertThat(credit.exit()).isEqualTo(2);
    assertThat(credit.err()).contains("--preset", "\"aws\"", "aws-compute-region");
  }

  @Test
  void creditTakesExactlyOneOfPolicyAndPreset() {
    Run neither = run(creditCloud());
    Run both = run(creditCloud("--policy", CLOUD.resolve("policy.json").toString(), "--preset", "aws-compute-region"));

    assertThat(neither.exit()).isEqualTo(2);
    assertThat(neither.err()).contains("exactly one of --policy POLICY.json and --preset NAME");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.out()).isEmpty();
  }

  @Test
  void creditWithTheAwsPresetCountsStartedMinutesWhereTheCloudExampleCountsExactly() {
    // examples/cloud-tiers' policy has the same table, claim deadline and USD 1.00 floor, measured
    // exactly: USD 141.01 in 4 lines. The AWS preset counts a minute with any unavailability whole:
    // nimbus-f's 4 min 19.2 s (exactly 99.99 %, no credit) become 5 minutes, 99.9884 %, 10 % of
    // USD 100.00 = USD 10.00 more: USD 151.01 in 5 lines. The other outages are whole minutes.
    Run example = run(creditCloud("--policy", CLOUD.resolve("policy.json").toString()));
    Run preset = run(creditCloud("--preset", "aws-compute-region"));

    assertThat(example.exit()).isEqualTo(0);
    assertThat(example.err()).containsSubsequence("credit lines", "4", "USD 141.01");
    assertThat(preset.exit()).isEqualTo(0);
    assertThat(preset.err()).containsSubsequence("credit lines", "5", "USD 151.01");
    assertThat(preset.out()).contains("\"policy\":{\"id\":\"aws-compute-region\"");
  }

  @Test
  void explainTakesAPresetToo() {
    // nimbus-f: 4 min 19.2 s down from 1 June 00:00 UTC, counted as 5 started minutes
    Run r = run("explain", "--preset", "aws-compute-region", "--accounts", CLOUD.resolve("accounts.ndjson").toString(),
        "--outages", CLOUD.resolve("outages.ndjson").toString(), "--claims", CLOUD.resolve("claims.ndjson").toString(),
        "--period", "2026-06", "--account", "nimbus-f");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("aws-compute-region", "99.9884 %", "USD 10.00");
  }
}
