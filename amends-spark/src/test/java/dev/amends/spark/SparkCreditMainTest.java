package dev.amends.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point, run on the test's session with the flags of amends credit. */
class SparkCreditMainTest {
  static final Path GRID = Grid2007SparkTest.GRID;

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = SparkCreditMain.run(LocalSpark.session(), new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  List<String> credit(String... more) {
    List<String> args = new ArrayList<>(List.of("--policy", GRID.resolve("policy.json").toString(),
        "--campaign", GRID.resolve("goodwill.json").toString(),
        "--accounts", GRID.resolve("accounts.ndjson").toString(),
        "--outages", GRID.resolve("outages.ndjson").toString(),
        "--period", "2007-12", "--out", tmp.resolve("out").toString()));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void writesThePeriodAndPrintsTheSummary() {
    Run r = run(credit("--format", "json").toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("period 2007-12: 6 decided, 0 rejected, 6 accounts credited, 10 credit lines")
        .contains("total EUR 63.00").contains("total USD 321.50");
    assertThat(LocalSpark.session().read().json(tmp.resolve("out/decisions").toString()).count()).isEqualTo(6);
    assertThat(Files.isDirectory(tmp.resolve("out/rejections/period=2007-12"))).isTrue();
  }

  @Test
  void readsAccountsInAnySparkFormatWithTheAccountSchema() {
    String parquet = tmp.resolve("accounts.parquet").toString();
    LocalSpark.session().read().schema(SparkSchemas.accounts()).json(GRID.resolve("accounts.ndjson").toString())
        .write().parquet(parquet);
    List<String> args = credit();
    args.set(args.indexOf("--accounts") + 1, parquet);
    args.addAll(List.of("--accounts-format", "parquet"));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("total USD 321.50");
    assertThat(LocalSpark.session().read().parquet(tmp.resolve("out/decisions").toString()).count()).isEqualTo(6);
  }

  @Test
  void aBadLineIsReportedAndExitsFourAfterDecidingTheRest() throws IOException {
    Path accounts = tmp.resolve("accounts.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(GRID.resolve("accounts.ndjson")));
    lines.add(1, "{\"id\":\"broken\"");
    Files.write(accounts, lines);
    List<String> args = credit();
    args.set(args.indexOf("--accounts") + 1, accounts.toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("rejected: accounts.ndjson line 2: 1 problem");
    assertThat(r.out()).contains("6 decided, 1 rejected");
  }

  @Test
  void aBadPolicyExitsThreeNamingEveryProblem() throws IOException {
    Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"schema\":\"amends.policy/1\"}");
    List<String> args = credit();
    args.set(args.indexOf("--policy") + 1, policy.toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains(policy + ": not a valid policy (");
  }

  @Test
  void anOutputPartitionOverAnInputIsRefusedBeforeAnythingIsRead() throws IOException {
    // --out over the folder that holds the outages: decisions/period=2007-12 is where they are
    Path outDir = tmp.resolve("shared");
    Path inputs = Files.createDirectories(outDir.resolve("decisions/period=2007-12"));
    Path outages = Files.copy(GRID.resolve("outages.ndjson"), inputs.resolve("outages.ndjson"));
    List<String> args = credit();
    args.set(args.indexOf("--outages") + 1, outages.toString());
    args.set(args.indexOf("--out") + 1, outDir.resolve("x/..").toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("would overwrite --outages " + outages);
    assertThat(outages).exists().hasSameTextualContentAs(GRID.resolve("outages.ndjson"));
  }

  @Test
  void anOutputInsideAnInputDirectoryIsRefused() throws IOException {
    // accounts read through a glob over tmp/in, and the decisions would go under tmp/in/out
    Path in = Files.createDirectories(tmp.resolve("in/a"));
    Files.copy(GRID.resolve("accounts.ndjson"), in.resolve("accounts.ndjson"));
    String glob = tmp.resolve("in") + "/*/accounts.ndjson";
    List<String> args = credit();
    args.set(args.indexOf("--accounts") + 1, glob);
    args.set(args.indexOf("--out") + 1, tmp.resolve("in/out").toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("would overwrite --accounts " + glob);
    assertThat(tmp.resolve("in/out")).doesNotExist();
  }
}
