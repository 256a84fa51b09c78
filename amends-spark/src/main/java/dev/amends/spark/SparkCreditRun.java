package dev.amends.spark;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * One run of {@link SparkCredits}: its decisions, its rejections and its liability summary.
 * Nothing is computed until first asked for; the partitions' results are then kept (memory and
 * disk), so decisions, rejections and the summary share one pass over the accounts. {@link
 * #close()} lets them go.
 */
public final class SparkCreditRun implements AutoCloseable {
  private final Dataset<Row> results;
  private final YearMonth period;
  private SparkLiability summary;

  SparkCreditRun(Dataset<Row> results, YearMonth period) {
    this.results = results;
    this.period = period;
  }

  /** The decisions, one row per account decided, as {@link SparkSchemas#decisions()}. */
  public Dataset<Row> decisions() {
    return results.where(col("decision").isNotNull()).select("decision.*");
  }

  /** The rejections, one row per account line or row not decided, as {@link SparkSchemas#rejections()}. */
  public Dataset<Row> rejections() {
    return results.where(col("rejection").isNotNull()).select("rejection.*");
  }

  /**
   * The liability summary, aggregated by Spark: equal to {@code LiabilitySummary} over the same
   * decisions. Computed once, then kept.
   *
   * @return the summary, not null
   */
  public synchronized SparkLiability summary() {
    if (summary == null) {
      summary = SparkLiability.of(decisions(), rejections(), dev.amends.rules.LiabilitySummary.DEFAULT_LARGEST);
    }
    return summary;
  }

  /**
   * Writes the decisions and the rejections under a directory, replacing this period's and only
   * this period's: {@code DIR/decisions/period=YYYY-MM/} and {@code DIR/rejections/period=YYYY-MM/}
   * are overwritten whole (even when the run has no rows for them), other periods are left alone,
   * and nothing is ever appended, so writing a run twice leaves one copy. Spark's commit protocol
   * keeps the files of one attempt of each task. Reading {@code DIR/decisions} gives the {@code
   * period} column back from the directory names.
   *
   * @param dir the directory, any path Spark writes, not null
   * @param format {@code parquet} or {@code json}
   * @throws IllegalArgumentException if the format is another
   */
  public void write(String dir, String format) {
    if (!format.equals("parquet") && !format.equals("json")) {
      throw new IllegalArgumentException("format must be parquet or json, not " + format);
    }
    String partition = "/period=" + period;
    decisions().drop("period").write().mode(SaveMode.Overwrite).format(format).save(dir + "/decisions" + partition);
    rejections().drop("period").write().mode(SaveMode.Overwrite).format(format).save(dir + "/rejections" + partition);
  }

  /** Lets the kept results go. */
  @Override
  public void close() {
    results.unpersist();
  }
}
