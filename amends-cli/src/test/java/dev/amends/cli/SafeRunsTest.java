package dev.amends.cli;

import static dev.amends.cli.AmendsCliTest.ACCOUNTS;
import static dev.amends.cli.AmendsCliTest.GOODWILL;
import static dev.amends.cli.AmendsCliTest.OUTAGES;
import static dev.amends.cli.AmendsCliTest.POLICY;
import static dev.amends.cli.AmendsCliTest.credit;
import static dev.amends.cli.AmendsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.cli.AmendsCliTest.Run;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line never harms or misreports data: an output that is an input is refused, files
 * are written whole or not at all, a failed write ends the run, and every input that would make a
 * decision wrong (a duplicate account, a bad outage, a period with no policy) is named. One test
 * per probe of issue 15; the seed example's figures are explained in {@link AmendsCliTest}.
 */
class SafeRunsTest {
  @TempDir
  Path tmp;

  private Path copy(String file) throws IOException {
    Path from = Path.of(file);
    return Files.copy(from, tmp.resolve(from.getFileName()));
  }

  private List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- 1. an output is never an input; files are written whole or not at all

  @Test
  void anOutputThatIsAnInputIsRefusedBeforeAnythingIsReadOrWritten() throws IOException {
    Path accounts = copy(ACCOUNTS);
    Path outages = copy(OUTAGES);
    byte[] accountBytes = Files.readAllBytes(accounts);
    byte[] outageBytes = Files.readAllBytes(outages);

    Run sameAccounts = run(credit(accounts.toString(), "--out", accounts.toString()));
    Run sameOutages = run("credit", "--policy", POLICY, "--accounts", accounts.toString(), "--outages", outages.toString(),
        "--period", "2007-12", "--summary", tmp.resolve("outages.ndjson").toString());

    assertThat(sameAccounts.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sameAccounts.err().strip()).isEqualTo("amends credit: --out " + accounts + " is the same file as --accounts "
        + accounts + ": an input is never written over; nothing was read or written");
    assertThat(sameAccounts.out()).isEmpty();
    assertThat(sameOutages.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sameOutages.err()).contains("--summary " + tmp.resolve("outages.ndjson") + " is the same file as --outages");
    assertThat(Files.readAllBytes(accounts)).isEqualTo(accountBytes);
    assertThat(Files.readAllBytes(outages)).isEqualTo(outageBytes);
    assertThat(filesIn(tmp)).containsExactly("accounts.ndjson", "outages.ndjson");
  }

  @Test
  void anOutputThatIsAnInputThroughALinkOrAnotherPathIsRefused() throws IOException {
    Path accounts = copy(ACCOUNTS);
    byte[] before = Files.readAllBytes(accounts);
    Path hard = Files.createLink(tmp.resolve("hard.ndjson"), accounts);
    Path soft = Files.createSymbolicLink(tmp.resolve("soft.ndjson"), accounts);
    Files.createDirectory(tmp.resolve("sub"));
    Path dotted = tmp.resolve("sub").resolve("..").resolve("accounts.ndjson");

    for (Path out : List.of(hard, soft, dotted)) {
      Run r = run(credit(accounts.toString(), "--out", out.toString()));

      assertThat(r.exit()).as(out.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("is the same file as --accounts");
    }
    Run campaignOut = run(credit(ACCOUNTS, "--campaign", GOODWILL, "--report", GOODWILL));
    Run twoOutputs = run(credit(ACCOUNTS, "--out", tmp.resolve("x.ndjson").toString(), "--summary",
        tmp.resolve("sub/../x.ndjson").toString()));

    assertThat(campaignOut.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(campaignOut.err()).contains("--report " + GOODWILL + " is the same file as --campaign");
    assertThat(twoOutputs.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(twoOutputs.err()).contains("is the same file as --out");
    assertThat(Files.readAllBytes(accounts)).isEqualTo(before);
    assertThat(filesIn(tmp)).containsExactly("accounts.ndjson", "hard.ndjson", "soft.ndjson", "sub");
  }

  @Test
  void aRunThatFailsKeepsTheFileThereAndLeavesNoTemporaryFile() throws IOException {
    Path out = Files.writeString(tmp.resolve("december.ndjson"), "the good decisions of an earlier run\n");
    Path summary = Files.writeString(tmp.resolve("summary.json"), "{}\n");
    Path outages = Files.writeString(tmp.resolve("outages.ndjson"), Files.readString(Path.of(OUTAGES)) + "{not json\n");

    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", outages.toString(), "--period", "2007-12",
        "--out", out.toString(), "--summary", summary.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_RECORDS);
    assertThat(Files.readString(out)).isEqualTo("the good decisions of an earlier run\n");
    assertThat(Files.readString(summary)).isEqualTo("{}\n");
    assertThat(filesIn(tmp)).containsExactly("december.ndjson", "outages.ndjson", "summary.json");
  }

  @Test
  void aRunThatSucceedsReplacesTheFilesWholeAndLeavesNoTemporaryFile() throws IOException {
    Path out = Files.writeString(tmp.resolve("december.ndjson"), "old\n");
    Path report = tmp.resolve("report.html");

    Run r = run(credit(ACCOUNTS, "--out", out.toString(), "--summary", tmp.resolve("summary.json").toString(),
        "--report", report.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(Files.readAllLines(out)).hasSize(6).allSatisfy(l -> assertThat(l).startsWith("{\"result\":\"decided\""));
    assertThat(Files.readString(tmp.resolve("summary.json"))).contains("\"decided\" : 6");
    assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>");
    assertThat(filesIn(tmp)).containsExactly("december.ndjson", "report.html", "summary.json");
  }

  @Test
  void anOutputFileNotCommittedIsDeletedAndTheOldOneKept() throws IOException {
    Path target = Files.writeString(tmp.resolve("out.ndjson"), "old\n");

    try (OutputFile f = OutputFile.create("--out", target)) {
      f.writer().write("half a line");
      f.writer().flush();
      assertThat(filesIn(tmp)).hasSize(2);
    }

    assertThat(Files.readString(target)).isEqualTo("old\n");
    assertThat(filesIn(tmp)).containsExactly("out.ndjson");
  }

  @Test
  void anOutputFileCommittedReplacesTheOldOneThroughASymbolicLink() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.ndjson"), "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.ndjson"), real);

    try (OutputFile f = OutputFile.create("--out", link)) {
      f.writer().write("new\n");
      f.commit();
    }

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new\n");
    assertThat(filesIn(tmp)).containsExactly("link.ndjson", "real.ndjson");
  }

  @Test
  void anOutputThatIsAPipeIsWrittenThroughAndNeverReplacedByAFile() throws Exception {
    // as /dev/null is: moving a temporary file onto it replaced the device with a regular file
    Path pipe = tmp.resolve("decisions.pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    } catch (IOException e) {
      mkfifo = null;
    }
    Assumptions.assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "needs mkfifo");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(pipe);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    Run r = run(credit(ACCOUNTS, "--out", pipe.toString()));

    assertThat(r.exit()).isEqualTo(0);
    assertThat(Files.isRegularFile(pipe, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(filesIn(tmp)).containsExactly("decisions.pipe");
    assertThat(read.get(30, TimeUnit.SECONDS).lines().toList()).hasSize(6)
        .allSatisfy(l -> assertThat(l).startsWith("{\"result\":\"decided\""));
  }

  // ---- 2. a write that fails ends the run

  @Test
  void aClosedPipeOnStandardOutputEndsTheRunWithSixAndTheSystemsReason() throws Exception {
    Path accounts = Fleet.write(tmp.resolve("accounts.ndjson"), Fleet.accounts(2_000));
    String cp = Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
        .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-cp", cp, Main.class.getName(), "credit", "--policy", POLICY,
        "--accounts", accounts.toString(), "--outages", OUTAGES, "--period", "2007-12", "--threads", "2"))
        .redirectError(tmp.resolve("err.txt").toFile())
        .start();
    // the reader of the pipe goes away at once, as `| head -c 0` would
    p.getInputStream().close();

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(tmp.resolve("err.txt"));
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(err).contains("amends credit: writing to standard output failed: Broken pipe; the output is incomplete");
    // it stopped: no summary claims the accounts were decided
    assertThat(err).doesNotContain("Summary");
  }

  @Test
  void aStandardOutputStreamThatFailsEndsTheRunWithSix() {
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    PrintWriter out = StandardOutput.Recording.on(failing, StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err);

    int exit = Main.exit(Main.commandLine(out, errWriter).execute("validate", POLICY), out, errWriter);

    assertThat(exit).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(err.toString()).contains("writing to standard output failed: No space left on device");
  }

  // ---- 3. an account is decided once

  @Test
  void theSameAccountTwiceIsDecidedOnceAndTheSecondLineRejected() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(ACCOUNTS)));
    lines.add(lines.get(0)); // acme again, line 7
    Path accounts = Fleet.write(tmp.resolve("accounts.ndjson"), lines);

    Run r = run(credit(accounts.toString()));

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.out().lines().filter(l -> l.contains("\"accountId\":\"acme\""))).hasSize(1);
    assertThat(Fleet.rejections(r.err())).containsExactly("rejected: accounts.ndjson line 7: /id: \"acme\" is the id of the "
        + "account on line 1; an account is decided once, so this line is not");
    // 7 read = 6 decided + 1 rejected; acme's USD 2.00 counted once: 11.50 as without the copy
    assertThat(Fleet.row(r.err(), "accounts read")).isEqualTo(7);
    assertThat(Fleet.row(r.err(), "decided")).isEqualTo(6);
    assertThat(Fleet.row(r.err(), "rejected")).isEqualTo(1);
    assertThat(r.err()).containsSubsequence("Credits per currency", "EUR 3.00", "USD 11.50");
  }

  // ---- 4. a period with no policy in force

  @Test
  void aPeriodBeforeThePolicyIsInForceWarnsAndExitsWithFour() {
    // grid-sla v1 is in force from 2007-01-01T05:00:00Z: December 2006 has no policy
    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2006-12");
    Run explain = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2006-12",
        "--account", "acme");

    assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.err()).contains("warning: 6 accounts (such as acme) had no policy in force at the start of the billing "
        + "period, so no SLA credit was decided for them; the policies are in force: grid-sla v1 from "
        + "2007-01-01T05:00:00Z on (open-ended)");
    assertThat(explain.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(explain.err()).contains("warning: 1 account (acme) had no policy in force");
  }

  // ---- 5. a bad outage or telemetry line stops the run before deciding

  @Test
  void badOutageLinesStopTheRunBeforeDecidingListingEveryOne() throws IOException {
    List<String> outages = new ArrayList<>(Files.readAllLines(Path.of(OUTAGES)));
    outages.add(1, "{\"id\":\"REVERSED\",\"scopes\":[\"grid/cluster-1\"],\"window\":{\"start\":\"2007-12-10T12:00:00Z\","
        + "\"end\":\"2007-12-10T08:00:00Z\"},\"impact\":{\"level\":\"FULL\"}}");
    outages.add("{not json");
    Path file = Fleet.write(tmp.resolve("outages.ndjson"), outages);

    Run r = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", file.toString(), "--period", "2007-12");

    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_RECORDS);
    assertThat(r.out()).isEmpty();
    List<String> rejections = Fleet.rejections(r.err());
    assertThat(rejections).hasSize(2);
    assertThat(rejections.get(0)).startsWith("rejected: outages.ndjson line 2: ").contains("/window");
    assertThat(rejections.get(1)).startsWith("rejected: outages.ndjson line 4: ");
    assertThat(r.err()).contains("amends credit: 2 outage or telemetry lines were rejected (each reported above): nothing "
        + "was decided, since any decision may depend on them. Correct them, or give --allow-bad-records to decide without them");
  }

  @Test
  void aDuplicateOutageIdIsABadOutageLineNamingBothLines() throws IOException {
    List<String> outages = new ArrayList<>(Files.readAllLines(Path.of(OUTAGES)));
    outages.add(outages.get(0).replace("2007-12-01T18:00:00Z", "2007-12-01T19:00:00Z"));
    Path file = Fleet.write(tmp.resolve("outages.ndjson"), outages);

    Run stop = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", file.toString(), "--period", "2007-12");
    Run allow = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", file.toString(), "--period", "2007-12",
        "--allow-bad-records");

    assertThat(stop.exit()).isEqualTo(ExitCodes.BAD_RECORDS);
    assertThat(stop.err()).doesNotContain("unexpected failure", "Exception");
    assertThat(Fleet.rejections(stop.err())).containsExactly("rejected: outages.ndjson line 3: /id: \"MAINT-2007-12-01\" is "
        + "the id of the outage on line 1; an outage id must be unique");
    // allowed: decided with the first MAINT line only, as the seed example
    assertThat(allow.exit()).isEqualTo(ExitCodes.REJECTED);
    assertThat(allow.err()).contains("warning: deciding without 1 rejected outage or telemetry line (--allow-bad-records)")
        .containsSubsequence("Credits per currency", "EUR 3.00", "USD 11.50");
  }

  // ---- 6. a campaign given twice is a named error

  @Test
  void aCampaignGivenTwiceIsANamedError() throws IOException {
    Path same = Files.copy(Path.of(GOODWILL), tmp.resolve("copy.json"));

    Run sameFile = run(credit(ACCOUNTS, "--campaign", GOODWILL, "--campaign", GOODWILL));
    Run sameId = run(credit(ACCOUNTS, "--campaign", GOODWILL, "--campaign", same.toString()));
    Run explain = run("explain", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-12",
        "--account", "acme", "--campaign", GOODWILL, "--campaign", same.toString());

    assertThat(sameFile.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(sameFile.err().strip()).isEqualTo("amends credit: --campaign " + GOODWILL + " is given twice");
    assertThat(sameId.exit()).isEqualTo(ExitCodes.BAD_POLICY);
    assertThat(sameId.err()).contains(same + " /id: \"goodwill-2007\" is the id of the campaign in " + GOODWILL
        + "; a campaign id must be unique").doesNotContain("unexpected failure", "Exception");
    assertThat(explain.exit()).isEqualTo(ExitCodes.BAD_POLICY);
  }

  // ---- 8. arguments

  @Test
  void aMisspeltOptionIsUnknownWithTheNearestSuggested() {
    Run r = run(credit(ACCOUNTS, "--perod", "2007-12"));
    Run missing = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--perod", "2007-12");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip()).isEqualTo("amends credit: unknown option '--perod'; did you mean --period or "
        + "--periods-touched? (see 'amends credit --help')");
    // --period is then missing too, but the misspelling is the cause
    assertThat(missing.err().strip()).isEqualTo(r.err().strip());
  }

  @Test
  void argumentErrorsAreOneLineNamingTheOptionAndTheForm() {
    Run month = run("credit", "--policy", POLICY, "--accounts", ACCOUNTS, "--outages", OUTAGES, "--period", "2007-13");
    Run instant = run(credit(ACCOUNTS, "--evaluated-at", "2008-01-15"));
    Run threads = run(credit(ACCOUNTS, "--threads", "many"));

    assertThat(month.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(month.err().strip()).isEqualTo("amends credit: Invalid value for option '--period': '2007-13': "
        + "expected a month YYYY-MM, such as 2026-02, or a range YYYY-MM..YYYY-MM, such as 2026-02..2026-03 "
        + "(see 'amends credit --help')");
    assertThat(month.out()).isEmpty();
    assertThat(instant.err()).hasLineCount(1).contains("--evaluated-at", "'2008-01-15' is not an instant",
        "such as 2008-01-15T12:00:00Z").doesNotContain("java.", "Usage");
    assertThat(threads.err()).hasLineCount(1).contains("--threads", "'many' is not a whole number");
  }

  @Test
  void anUnwritableOutputExitsAsHelpSaysWithTheSystemsReason() {
    Run noFolder = run(credit(ACCOUNTS, "--out", tmp.resolve("no/such/folder/out.ndjson").toString()));
    Run folder = run(credit(ACCOUNTS, "--summary", tmp.toString()));
    Run help = run("credit", "--help");

    assertThat(noFolder.exit()).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(noFolder.err().strip()).isEqualTo("amends credit: cannot write --out " + tmp.resolve("no/such/folder/out.ndjson")
        + ": no such directory");
    assertThat(noFolder.out()).isEmpty();
    assertThat(folder.exit()).isEqualTo(ExitCodes.WRITE_FAILED);
    assertThat(folder.err()).contains("cannot write --summary " + tmp + ": is a directory");
    assertThat(help.out()).containsSubsequence("Exit codes:", "6", "An output could not be created or written");
  }
}
