package dev.amends.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.amends.core.InvalidInputException;
import dev.amends.core.outage.Outage;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.rules.Campaign;
import dev.amends.rules.Claim;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The decisions of {@code amends credit}, made on Spark: one {@code CreditEngine} per executor,
 * built lazily from documents broadcast once, and the batch API over each partition.
 *
 * <pre>{@code
 * SparkCredits job = SparkCredits.builder()
 *     .policies(sla).campaigns(goodwill).outages(outages)
 *     .period(YearMonth.of(2007, 12))
 *     .build();
 * SparkCreditRun run = job.decide(spark.read().schema(SparkSchemas.accounts()).parquet("s3://billing/accounts"));
 * run.decisions().write().parquet("s3://billing/credits/2007-12");
 * run.summary().totals();   // [EUR 63.00, USD 321.50]
 * }</pre>
 *
 * <p>The policies, campaigns, outages, telemetry, claims and issued credits are small inputs: they
 * travel once, as canonical JSON, in one broadcast. Accounts never leave Spark's rows: each is read
 * from its JSON text by the same strict reader as the command line, decided on the task's thread
 * (Spark gives each task a core), and written as a row with explicit encoders. A decision depends
 * only on its account and the broadcast inputs, so a task that Spark runs again gives the same
 * rows, and Spark keeps the rows of one attempt only. As {@code amends credit}, an account id is
 * decided once: a pre-pass finds the ids carried by more than one accepted line or row, and every
 * one after the first is rejected (stage {@code duplicate}), whatever the partitions.
 *
 * <p>Immutable and thread-safe; a job may decide several datasets.
 */
public final class SparkCredits {
  private final List<String> policies;
  private final List<String> campaigns;
  private final List<String> outages;
  private final List<String> telemetry;
  private final List<String> claims;
  private final List<String> issued;
  private final YearMonth period;
  private final Instant evaluatedAt;
  private final boolean shareMeasurements;

  private SparkCredits(Builder b) {
    this.policies = List.copyOf(b.policies);
    this.campaigns = List.copyOf(b.campaigns);
    this.outages = List.copyOf(b.outages);
    this.telemetry = List.copyOf(b.telemetry);
    this.claims = List.copyOf(b.claims);
    this.issued = List.copyOf(b.issued);
    this.period = b.period;
    this.evaluatedAt = b.evaluatedAt;
    this.shareMeasurements = b.shareMeasurements;
  }

  /** A builder with no inputs: policies and the period are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decides a dataset of accounts with the {@link SparkSchemas#accounts()} columns, one row per
   * account, in its partitions as they are. Of rows with the same id, the first in the Dataset's
   * order (its partitions in order, then the rows in each) is decided and the others rejected.
   *
   * @param accounts the accounts, not null
   * @return the run: decisions, rejections and the summary, computed when first asked for
   */
  public SparkCreditRun decide(Dataset<Row> accounts) {
    if (accounts == null) {
      throw InvalidInputException.of("accounts", "is required", "null");
    }
    Column[] columns = Arrays.stream(accounts.columns()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> input = accounts.select(
        functions.lit(null).cast("string").as("source"),
        functions.lit(null).cast("long").as("line"),
        col("id").cast("string").as("accountId"),
        to_json(struct(columns)).as("json"),
        functions.lit(null).cast(SparkSchemas.INPUT.apply("problems").dataType()).as("problems"),
        functions.lit(null).cast("string").as("message"),
        functions.monotonically_increasing_id().as("position"));
    return run(accounts.sparkSession(), input, DuplicateIds.find(input));
  }

  /**
   * Decides NDJSON account files (a file, a directory or a glob of any file system Spark reads)
   * read by Amends' own strict reader, one task per file, as {@code amends credit} reads them, and
   * spreads the accounts over a number of partitions to decide. Of lines with the same account id,
   * the first (by file, then line) is decided and the others rejected.
   *
   * @param spark the session, not null
   * @param path the files, not null
   * @param partitions the partitions to decide in, at least 1; 0 keeps one per file
   * @return the run: decisions, rejections and the summary, computed when first asked for
   * @throws InvalidInputException naming {@code partitions} if negative
   */
  public SparkCreditRun decideNdjson(SparkSession spark, String path, int partitions) {
    if (partitions < 0) {
      throw InvalidInputException.of("partitions", "must be 0 (one per file) or more", partitions);
    }
    Dataset<Row> input = NdjsonFiles.read(spark, path);
    DuplicateIds duplicates = DuplicateIds.find(input);
    return run(spark, partitions == 0 ? input : input.repartition(partitions), duplicates);
  }

  private SparkCreditRun run(SparkSession spark, Dataset<Row> input, DuplicateIds duplicates) {
    JobInputs in = JobInputs.of(period.toString(), evaluatedAt == null ? null : evaluatedAt.toString(), policies,
        campaigns, outages, telemetry, claims, issued, shareMeasurements);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<JobInputs> broadcast = sc.broadcast(in);
    Dataset<Row> results = input
        .mapPartitions(new PartitionDecider(broadcast, sc.broadcast(duplicates)), Encoders.row(SparkSchemas.RESULTS))
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new SparkCreditRun(results, period);
  }

  /** The month whose billing periods are decided. */
  public YearMonth period() {
    return period;
  }

  /**
   * Collects the inputs. Not thread-safe.
   */
  public static final class Builder {
    private final List<String> policies = new ArrayList<>();
    private final List<String> campaigns = new ArrayList<>();
    private final List<String> outages = new ArrayList<>();
    private final List<String> telemetry = new ArrayList<>();
    private final List<String> claims = new ArrayList<>();
    private final List<String> issued = new ArrayList<>();
    private YearMonth period;
    private Instant evaluatedAt;
    private boolean shareMeasurements = true;

    private Builder() {}

    /**
     * Adds policies (every version the book should hold), broadcast as their canonical documents;
     * only the standard rule types travel.
     *
     * @param policies the policies, not null
     * @return this builder
     */
    public Builder policies(Policy... policies) {
      for (Policy p : policies) {
        this.policies.add(PolicyDocuments.write(p));
      }
      return this;
    }

    /**
     * Adds goodwill campaigns, broadcast as their canonical documents.
     *
     * @param campaigns the campaigns, not null
     * @return this builder
     */
    public Builder campaigns(Campaign... campaigns) {
      for (Campaign c : campaigns) {
        this.campaigns.add(CampaignDocuments.write(c));
      }
      return this;
    }

    /**
     * Adds outage records.
     *
     * @param outages the outages, not null
     * @return this builder
     */
    public Builder outages(List<Outage> outages) {
      outages.forEach(o -> this.outages.add(RecordFormat.OUTAGES.toLine(o)));
      return this;
    }

    /**
     * Adds telemetry samples.
     *
     * @param samples the samples, not null
     * @return this builder
     */
    public Builder telemetry(List<TelemetrySample> samples) {
      samples.forEach(s -> this.telemetry.add(RecordFormat.TELEMETRY.toLine(s)));
      return this;
    }

    /**
     * Adds claims, each with its account's id.
     *
     * @param claims the claims, not null
     * @return this builder
     */
    public Builder claims(List<AccountRecord<Claim>> claims) {
      claims.forEach(c -> this.claims.add(RecordFormat.CLAIMS.toLine(c)));
      return this;
    }

    /**
     * Adds credits already issued, each with its account's id and period (one without a period
     * counts as issued for the period decided), so a re-run issues only the difference.
     *
     * @param issued the credits, not null
     * @return this builder
     */
    public Builder issued(List<AccountRecord<IssuedCredit>> issued) {
      issued.forEach(c -> this.issued.add(RecordFormat.ISSUED_CREDITS.toLine(c)));
      return this;
    }

    /**
     * The month in which each account's billing period starts, as {@code --period}.
     *
     * @param month the month, not null
     * @return this builder
     */
    public Builder period(YearMonth month) {
      this.period = month;
      return this;
    }

    /**
     * The instant the decisions are made at, as {@code --evaluated-at}; by default the end of each
     * account's billing period.
     *
     * @param at the instant, or null for the default
     * @return this builder
     */
    public Builder evaluatedAt(Instant at) {
      this.evaluatedAt = at;
      return this;
    }

    /**
     * Whether subscriptions with the same placements share a measurement within a partition, as
     * {@code BatchOptions.shareMeasurements}; on by default. The decisions are the same either way.
     *
     * @param share whether to share
     * @return this builder
     */
    public Builder shareMeasurements(boolean share) {
      this.shareMeasurements = share;
      return this;
    }

    /**
     * The job.
     *
     * @return the job, not null
     * @throws InvalidInputException naming {@code policies} if there is none, or {@code period}
     *     if it is missing
     */
    public SparkCredits build() {
      if (policies.isEmpty()) {
        throw InvalidInputException.of("policies", "at least one is required", "[]");
      }
      if (period == null) {
        throw InvalidInputException.of("period", "is required", "null");
      }
      return new SparkCredits(this);
    }
  }
}
