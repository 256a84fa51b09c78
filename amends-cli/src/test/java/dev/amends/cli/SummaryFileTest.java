package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.credit;
import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credit --summary FILE} on the seed example (see {@link AmendsCliTest}): acme USD 2.00,
 * borealis USD 5.00, cobalt USD 4.50, elbe EUR 3.00; delta and fjord nothing.
 */
class SummaryFileTest {
  @TempDir
  Path tmp;

  @Test
  void summaryFileHoldsTheRunsLiabilityAsJson() throws IOException {
    Path json = tmp.resolve("summary.json");
    Run r = run(credit(ACCOUNTS, "--summary", json.toString()));

    assertThat(r.exit()).isEqualTo(0);
    String text = Files.readString(json);
    assertThat(text).startsWith("""
        {
          "decided" : 6,
          "rejected" : 0,
          "creditLines" : 4,
          "accountsCredited" : 4,
          "totals" : [
            {
              "amount" : "3.00",
              "currency" : "EUR"
            },
            {
              "amount" : "11.50",
              "currency" : "USD"
            }
          ],
          "byPlan" : [
            {
              "plan" : "grid-annual",
              "amount" : {
                "amount" : "5.00",
                "currency" : "USD"
              }
            },
            {
              "plan" : "grid-monthly",
              "amount" : {
                "amount" : "3.00",
                "currency" : "EUR"
              }
            },
            {
              "plan" : "grid-monthly",
              "amount" : {
                "amount" : "6.50",
                "currency" : "USD"
              }
            }
          ],
        """);
    // no flags on the seed example; the largest: EUR first, then USD largest first
    assertThat(text).contains("\"flags\" : [ ],").containsSubsequence(
        "\"largest\"", "\"accountId\" : \"elbe\"", "\"accountId\" : \"borealis\"", "\"accountId\" : \"cobalt\"",
        "\"accountId\" : \"acme\"");
  }

  @Test
  void theSummaryIsTheSameOnOneThreadAsOnFour() throws IOException {
    Path one = tmp.resolve("one.json");
    Path four = tmp.resolve("four.json");
    assertThat(run(threads(credit(ACCOUNTS, "--summary", one.toString()), "1")).exit()).isEqualTo(0);
    assertThat(run(threads(credit(ACCOUNTS, "--summary", four.toString()), "4")).exit()).isEqualTo(0);

    assertThat(Files.readString(four)).isEqualTo(Files.readString(one)).contains("\"accountsCredited\" : 4");
  }

  /** The arguments with another {@code --threads}. */
  static String[] threads(String[] args, String n) {
    String[] out = args.clone();
    for (int i = 0; i < out.length - 1; i++) {
      if (out[i].equals("--threads")) {
        out[i + 1] = n;
      }
    }
    return out;
  }

  @Test
  void theTableShowsAccountsCreditedAndFlags() {
    Run r = run(credit(ACCOUNTS));

    assertThat(r.err()).containsSubsequence("credit lines", "4", "accounts credited", "4",
        "Credits per rule", "Flags raised (decisions)", "none", "Largest credits (EUR");
  }

  @Test
  void anUnwritableSummaryFileIsOneLineAndExitSix() {
    Path dir = tmp.resolve("no-such-dir").resolve("s.json");
    Run r = run(credit(ACCOUNTS, "--summary", dir.toString()));

    assertThat(r.exit()).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(r.err().strip()).isEqualTo("amends credit: cannot write --summary " + dir + ": no such directory");
    assertThat(r.out()).isEmpty();
  }
}
