package dev.amends.spark;

import dev.amends.rules.Campaign;
import dev.amends.rules.Policy;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.joda.money.Money;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code spark-submit} entry point: {@code amends credit} on a cluster. The same flags
 * ({@code --policy}, {@code --campaign}, {@code --accounts}, {@code --outages}, {@code
 * --telemetry}, {@code --claims}, {@code --issued}, {@code --period}, {@code --evaluated-at}),
 * any path Spark reads, and {@code --out DIR} with {@code --format parquet|json}: writes this
 * period's decisions and rejections under {@code DIR} (see {@link SparkCreditRun#write}) and
 * prints the summary.
 *
 * <pre>{@code
 * spark-submit --class dev.amends.spark.SparkCreditMain amends-spark-all.jar \
 *   --policy policy.json --campaign goodwill.json --accounts s3://billing/accounts/ \
 *   --outages outages.ndjson --period 2007-12 --out s3://billing/credits --format parquet
 * }</pre>
 *
 * <p>Exit codes as {@code amends credit}'s: 0 all decided, 2 usage, 3 a bad policy or campaign, 4
 * some lines or accounts rejected (the rest decided and written).
 */
@Command(name = "amends-spark credit", mixinStandardHelpOptions = true,
    description = "Decides every account for the billing period starting in --period on Spark, writes the decisions "
        + "and rejections under --out (this period's partition replaced) and prints the summary.")
public final class SparkCreditMain implements Callable<Integer> {
  @Option(names = "--policy", required = true, paramLabel = "POLICY.json",
      description = "A policy document; repeat for several.")
  List<String> policies;

  @Option(names = "--campaign", paramLabel = "CAMPAIGN.json", description = "A goodwill campaign document; repeat for several.")
  List<String> campaigns = List.of();

  @Option(names = "--accounts", required = true, paramLabel = "PATH",
      description = "Accounts: a file, directory or glob Spark reads.")
  String accounts;

  @Option(names = "--accounts-format", defaultValue = "ndjson", paramLabel = "FORMAT",
      description = "ndjson (read by Amends' strict reader, as amends credit reads it) or any Spark source "
          + "(parquet, orc, json, a table format...) with the account schema. Default: ${DEFAULT-VALUE}.")
  String accountsFormat;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "Partitions to decide NDJSON accounts in; 0: one per file. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(names = "--outages", required = true, paramLabel = "FILE", description = "Outage records, NDJSON.")
  String outages;

  @Option(names = "--telemetry", paramLabel = "FILE", description = "Telemetry samples, NDJSON.")
  String telemetry;

  @Option(names = "--claims", paramLabel = "FILE", description = "Claims with their account ids, NDJSON.")
  String claims;

  @Option(names = "--issued", paramLabel = "FILE", description = "Credits already issued, NDJSON.")
  String issued;

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM",
      description = "The month in which each account's billing period starts.")
  YearMonth period;

  @Option(names = "--evaluated-at", paramLabel = "INSTANT", description = "The instant the decisions are made at.")
  Instant evaluatedAt;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where to write decisions/period=YYYY-MM and rejections/period=YYYY-MM.")
  String out;

  @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|json",
      description = "Output format. Default: ${DEFAULT-VALUE}.")
  String format;

  @Spec
  CommandSpec spec;

  /** Rejections printed at most; the rest are in the output. */
  private static final int SHOWN = 1000;

  private final SparkSession spark;
  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private long badLines;

  private SparkCreditMain(SparkSession spark, PrintWriter stdout, PrintWriter stderr) {
    this.spark = spark;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Runs with the active session (or a new one), and exits with the run's code.
   *
   * @param args the flags
   */
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("amends credit").getOrCreate();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(spark, out, err, args);
    spark.stop();
    System.exit(code);
  }

  /**
   * Runs on a session, writing the summary to {@code out} and rejections to {@code err}.
   *
   * @param spark the session, not null
   * @param out the summary's writer, not null
   * @param err the rejections' and errors' writer, not null
   * @param args the flags
   * @return the exit code
   */
  public static int run(SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new SparkCreditMain(spark, out, err));
    cl.setOut(out).setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof BadDocument) {
        err.println(e.getMessage());
        return 3;
      }
      throw e;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    if (!format.equals("parquet") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format must be parquet or json, not " + format);
    }
    refuseOutputOverAnInput();
    SparkCredits.Builder b = SparkCredits.builder().period(period).evaluatedAt(evaluatedAt);
    for (String p : policies) {
      b.policies(document(p, "policy", t -> new Policy[] {PolicyDocuments.standard().read(t).value()}));
    }
    for (String c : campaigns) {
      b.campaigns(document(c, "campaign", t -> new Campaign[] {CampaignDocuments.standard().read(t).value()}));
    }
    b.outages(records(RecordFormat.OUTAGES, outages));
    if (telemetry != null) {
      b.telemetry(records(RecordFormat.TELEMETRY, telemetry));
    }
    if (claims != null) {
      b.claims(records(RecordFormat.CLAIMS, claims));
    }
    if (issued != null) {
      b.issued(records(RecordFormat.ISSUED_CREDITS, issued));
    }
    SparkCredits job = b.build();
    try (SparkCreditRun run = accountsFormat.equals("ndjson")
        ? job.decideNdjson(spark, accounts, partitions)
        : job.decide(spark.read().format(accountsFormat).schema(SparkSchemas.accounts()).load(accounts))) {
      run.write(out, format);
      Dataset<Row> rejections = run.rejections();
      long rejected = rejections.count();
      for (Row r : rejections.select("message").limit(SHOWN).collectAsList()) {
        stderr.println("rejected: " + r.getString(0));
      }
      if (rejected > SHOWN) {
        stderr.println("... and " + (rejected - SHOWN) + " more rejections: see " + out + "/rejections/period=" + period);
      }
      SparkLiability s = run.summary();
      stdout.println("period " + period + ": " + s.decided() + " decided, " + rejected + " rejected, "
          + s.accountsCredited() + " accounts credited, " + s.creditLines() + " credit lines");
      for (Money m : s.totals()) {
        stdout.println("  total " + m);
      }
      stdout.println("written: " + out + "/decisions/period=" + period + ", " + out + "/rejections/period=" + period
          + " (" + format + ")");
      return badLines + rejected == 0 ? 0 : 4;
    }
  }

  /**
   * Refuses, before anything is read, a run whose output partitions ({@code --out}'s
   * decisions/period=P and rejections/period=P, which Spark deletes before writing) are an input,
   * hold an input, or lie inside an input directory (or glob): Spark reads lazily, so writing there
   * would delete or mix into what is still being read. Paths are compared fully qualified and
   * normalised ({@code ..}), not through symbolic links.
   */
  private void refuseOutputOverAnInput() {
    Map<String, String> inputs = new LinkedHashMap<>();
    policies.forEach(p -> inputs.put(p, "--policy"));
    campaigns.forEach(c -> inputs.put(c, "--campaign"));
    inputs.put(accounts, "--accounts");
    inputs.put(outages, "--outages");
    if (telemetry != null) {
      inputs.put(telemetry, "--telemetry");
    }
    if (claims != null) {
      inputs.put(claims, "--claims");
    }
    if (issued != null) {
      inputs.put(issued, "--issued");
    }
    for (String kind : List.of("decisions", "rejections")) {
      String target = qualified(out + "/" + kind + "/period=" + period);
      for (Map.Entry<String, String> in : inputs.entrySet()) {
        String input = qualified(withoutGlob(in.getKey()));
        if (input.equals(target) || input.startsWith(target + "/") || target.startsWith(input + "/")) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " would overwrite "
              + in.getValue() + " " + in.getKey() + ": Spark replaces " + target + " before it has read the input; "
              + "choose an --out outside every input");
        }
      }
    }
  }

  /** The part of a path before its first component with a glob character, or the whole path. */
  private static String withoutGlob(String path) {
    int glob = -1;
    for (int i = 0; i < path.length(); i++) {
      if ("*?[{".indexOf(path.charAt(i)) >= 0) {
        glob = i;
        break;
      }
    }
    if (glob < 0) {
      return path;
    }
    int slash = path.lastIndexOf('/', glob);
    return slash <= 0 ? (slash == 0 ? "/" : ".") : path.substring(0, slash);
  }

  private String qualified(String path) {
    Path p = new Path(path);
    try {
      String q = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
      return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot resolve " + path + ": " + e.getMessage());
    }
  }

  /** A document's problems, every one printed, as the command line's exit 3. */
  private static final class BadDocument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadDocument(String message) {
      super(message);
    }
  }

  private interface Reading<T> {
    T read(String text);
  }

  private <T> T document(String path, String kind, Reading<T> reading) {
    String text;
    try (InputStream in = open(path)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + path + ": " + e.getMessage());
    }
    try {
      return reading.read(text);
    } catch (JsonDocumentException e) {
      e.problems().forEach(p -> stderr.println(path + " " + p));
      throw new BadDocument(path + ": not a valid " + kind + " (" + e.problems().size()
          + (e.problems().size() == 1 ? " problem)" : " problems)"));
    }
  }

  private <T> List<T> records(RecordFormat<T> format, String path) {
    List<T> out = new ArrayList<>();
    try (RecordReader<T> in = format.reader(open(path), new Path(path).getName())) {
      while (in.hasNext()) {
        switch (in.next()) {
          case RecordLine.Accepted<T> a -> out.add(a.record());
          case RecordLine.Rejected<T> r -> {
            badLines++;
            stderr.println("rejected: " + r.problem().getMessage());
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + path + ": " + e.getMessage());
    }
    return out;
  }

  private InputStream open(String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return fs.open(p);
  }
}
