package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit --preset aws-ec2-2008} with {@code --issued}: a credit issued for an earlier
 * month keeps its outages from being counted again under the rolling window.
 */
class RollingWindowCliTest {
  @TempDir
  Path tmp;

  Path write(String name, String... lines) throws IOException {
    return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n");
  }

  String[] credit(String... more) throws IOException {
    Path accounts = write("accounts.ndjson", """
        {"id":"acme","currency":"USD","zone":"UTC","subscriptions":[{"id":"ec2-us-east-1","plan":"ec2",\
        "prices":[{"amount":{"amount":"734.29","currency":"USD"},"per":"MONTHLY"}],\
        "active":{"start":"2007-01-01T00:00:00Z"},"placements":["aws/us-east-1/ec2"]}]}""");
    Path outages = write("outages.ndjson",
        outage("EC2-2008-07-20", "2008-07-20T08:00:00Z", "2008-07-20T08:50:00Z"),
        outage("EC2-2008-12-15", "2008-12-15T14:03:00Z", "2008-12-15T17:31:00Z"),
        outage("EC2-2009-02-02", "2009-02-02T14:00:00Z", "2009-02-02T14:45:00Z"));
    Path claims = write("claims.ndjson", "{\"accountId\":\"acme\",\"id\":\"sla-2\",\"filedAt\":\"2009-03-03T10:00:00Z\"}");
    List<String> args = new ArrayList<>(List.of("credit", "--preset", "aws-ec2-2008", "--accounts", accounts.toString(),
        "--outages", outages.toString(), "--claims", claims.toString(), "--period", "2009-02", "--threads", "2"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  static String outage(String id, String start, String end) {
    return "{\"id\":\"" + id + "\",\"scopes\":[\"aws/us-east-1\"],\"window\":{\"start\":\"" + start + "\",\"end\":\""
        + end + "\"},\"kind\":\"UNPLANNED\",\"impact\":{\"level\":\"FULL\"},\"cause\":\"PROVIDER\"}";
  }

  @Test
  void aCreditOfAnEarlierMonthKeepsItsOutagesFromBeingClaimedAgain() throws IOException {
    // Service Year 2008-03-03 to 2009-03-02: 10 + 43 + 9 = 62 five-minute periods of 105,120 down,
    // 99.9410 % < 99.95 -> 10 % of February's USD 734.29 = USD 73.43. December's credit rests on the first
    // two; without them, 9 periods: 99.9914 % -> nothing.
    Run all = run(credit());
    assertThat(all.exit()).isEqualTo(0);
    assertThat(all.out()).contains("\"amount\":\"73.43\"");

    Path issued = write("issued.ndjson", "{\"accountId\":\"acme\",\"periodStart\":\"2008-12-01\",\"key\":\"cr-dec\","
        + "\"amount\":{\"amount\":\"73.43\",\"currency\":\"USD\"},\"policyId\":\"aws-ec2-2008\","
        + "\"subscriptionId\":\"ec2-us-east-1\",\"rulePath\":\"tiers\","
        + "\"outageIds\":[\"EC2-2008-07-20\",\"EC2-2008-12-15\"]}");
    Run again = run(credit("--issued", issued.toString()));

    assertThat(again.exit()).isEqualTo(0);
    assertThat(again.out()).doesNotContain("73.43").contains("not counted again");
  }
}
