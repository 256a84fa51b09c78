package dev.amends.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.Objects;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.LiabilitySummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What a Spark run owes, aggregated by Spark over the decision rows: the same figures as {@link
 * LiabilitySummary} over the same decisions, with the same labels and the same order (totals by
 * currency code; subtotals by label, then currency code; the largest credits by currency code,
 * then amount, largest first, then key). Sums are exact: amounts are added as decimals, never as
 * floating point, and each sum is made a {@link Money} at its currency's scale without rounding.
 * Immutable and thread-safe.
 */
public final class SparkLiability {
  /** Exact for any currency (at most 4 decimal places) and any fleet (32 integer digits). */
  private static final DecimalType AMOUNT = DataTypes.createDecimalType(38, 6);

  private final long decided;
  private final long rejected;
  private final long creditLines;
  private final long accountsCredited;
  private final List<Money> totals;
  private final List<LiabilitySummary.Subtotal> byPlan;
  private final List<LiabilitySummary.Subtotal> byScope;
  private final List<LiabilitySummary.Subtotal> byRule;
  private final Map<DecisionFlag, Long> flags;
  private final List<Largest> largest;

  private SparkLiability(long decided, long rejected, long creditLines, long accountsCredited, List<Money> totals,
      List<LiabilitySummary.Subtotal> byPlan, List<LiabilitySummary.Subtotal> byScope,
      List<LiabilitySummary.Subtotal> byRule, Map<DecisionFlag, Long> flags, List<Largest> largest) {
    this.decided = decided;
    this.rejected = rejected;
    this.creditLines = creditLines;
    this.accountsCredited = accountsCredited;
    this.totals = totals;
    this.byPlan = byPlan;
    this.byScope = byScope;
    this.byRule = byRule;
    this.flags = flags;
    this.largest = largest;
  }

  /** Aggregates decision and rejection rows of {@link SparkSchemas}. */
  static SparkLiability of(Dataset<Row> decisions, Dataset<Row> rejections, int largestPerCurrency) {
    Dataset<Row> lines = decisions.select(explode(col("lines")).as("l")).select("l.*")
        .withColumn("value", col("amount").cast(AMOUNT));
    Row counts = decisions.agg(count(lit(1)),
        sum(functions_when(org.apache.spark.sql.functions.exists(col("lines"),
            l -> l.getField("amount").cast(AMOUNT).gt(0)))))
        .first();
    long decided = counts.getLong(0);
    long credited = counts.isNullAt(1) ? 0 : counts.getLong(1);
    long rejected = rejections.where(col("stage").equalTo("decide")).count();
    List<Money> totals = new ArrayList<>();
    long creditLines = 0;
    for (Row r : lines.groupBy("currency").agg(sum("value"), count(lit(1))).collectAsList()) {
      totals.add(money(r.getString(0), r.getDecimal(1)));
      creditLines += r.getLong(2);
    }
    totals.sort(Comparator.comparing(m -> m.getCurrencyUnit().getCode()));
    List<LiabilitySummary.Subtotal> byPlan = subtotals(lines, col("plan"));
    List<LiabilitySummary.Subtotal> byScope = subtotals(lines, col("scope"));
    List<LiabilitySummary.Subtotal> byRule = subtotals(lines,
        concat(col("policyId"), lit(" v"), col("policyVersion").cast("string"), lit(" "), nodePath()));
    Map<DecisionFlag, Long> flags = new EnumMap<>(DecisionFlag.class);
    for (Row r : decisions.select(explode(col("flags")).as("flag")).groupBy("flag").count().collectAsList()) {
      flags.put(DecisionFlag.valueOf(r.getString(0)), r.getLong(1));
    }
    List<Largest> largest = new ArrayList<>();
    if (largestPerCurrency > 0) {
      var byCurrency = Window.partitionBy("currency").orderBy(col("value").desc(), col("key").asc());
      for (Row r : lines.withColumn("rank", row_number().over(byCurrency))
          .where(col("rank").leq(largestPerCurrency)).select("key", "currency", "value").collectAsList()) {
        largest.add(new Largest(r.getString(0), money(r.getString(1), r.getDecimal(2))));
      }
      largest.sort(Comparator.comparing((Largest l) -> l.amount().getCurrencyUnit().getCode())
          .thenComparing((Largest l) -> l.amount().getAmount(), Comparator.reverseOrder())
          .thenComparing(Largest::key));
    }
    return new SparkLiability(decided, rejected, creditLines, credited, List.copyOf(totals), byPlan, byScope, byRule,
        flags.isEmpty() ? Map.of() : Collections.unmodifiableMap(flags), List.copyOf(largest));
  }

  /**
   * A line's rule path without the outage id a per-outage node puts in it, as {@link
   * LiabilitySummary} reads it: the {@code [id]} of the one outage the line rests on removed as it
   * stands (so an id holding {@code ]/} stays whole); for a line naming no single outage, each part
   * from a {@code [} to the first {@code ]} after which only node ids follow, to the end or a {@code [}.
   */
  private static Column nodePath() {
    Column path = col("rulePath");
    Column ids = col("outageIds");
    return org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.size(ids).equalTo(1),
            org.apache.spark.sql.functions.replace(path,
                concat(lit("["), org.apache.spark.sql.functions.element_at(ids, 1), lit("]")), lit("")))
        .otherwise(regexp_replace(path, "\\[.*?\\](?=(?:/[A-Za-z0-9._-]+)*(?:\\[|$))", ""));
  }

  private static Column functions_when(Column condition) {
    return org.apache.spark.sql.functions.when(condition, lit(1L)).otherwise(lit(0L));
  }

  private static List<LiabilitySummary.Subtotal> subtotals(Dataset<Row> lines, Column label) {
    List<LiabilitySummary.Subtotal> out = new ArrayList<>();
    for (Row r : lines.groupBy(label.as("label"), col("currency")).agg(sum("value")).collectAsList()) {
      out.add(new LiabilitySummary.Subtotal(r.getString(0), money(r.getString(1), r.getDecimal(2))));
    }
    out.sort(Comparator.comparing(LiabilitySummary.Subtotal::label)
        .thenComparing(s -> s.amount().getCurrencyUnit().getCode()));
    return List.copyOf(out);
  }

  /** A sum at its currency's scale: exact, since every line was at that scale. */
  private static Money money(String currency, BigDecimal sum) {
    CurrencyUnit unit = CurrencyUnit.of(currency);
    return Money.of(unit, sum.setScale(unit.getDecimalPlaces(), RoundingMode.UNNECESSARY));
  }

  /** Decisions aggregated. */
  public long decided() {
    return decided;
  }

  /** Requests the engine rejected (stage {@code decide}), as {@link LiabilitySummary#rejected()} counts them. */
  public long rejected() {
    return rejected;
  }

  /** Credit lines in all the decisions, of every kind. */
  public long creditLines() {
    return creditLines;
  }

  /** Decisions with at least one line of more than zero. */
  public long accountsCredited() {
    return accountsCredited;
  }

  /** The sum of all lines per currency, sorted by currency code. */
  public List<Money> totals() {
    return totals;
  }

  /** The sums per plan, sorted by plan, then currency code. */
  public List<LiabilitySummary.Subtotal> byPlan() {
    return byPlan;
  }

  /** The sums per scope (a subscription's placements, sorted, joined with {@code " + "}). */
  public List<LiabilitySummary.Subtotal> byScope() {
    return byScope;
  }

  /** The sums per rule ({@code policyId vVersion rulePath}), sorted by rule, then currency code. */
  public List<LiabilitySummary.Subtotal> byRule() {
    return byRule;
  }

  /** How many decisions raised each flag, in the flags' declared order; flags never raised are absent. */
  public Map<DecisionFlag, Long> flags() {
    return flags;
  }

  /**
   * The {@value LiabilitySummary#DEFAULT_LARGEST} largest lines of each currency: sorted by
   * currency code, then amount, largest first, then key.
   */
  public List<Largest> largest() {
    return largest;
  }

  /**
   * Whether this is the same summary as one {@link LiabilitySummary} computed: every count,
   * total, subtotal and flag count equal, and the same largest lines (by key and amount).
   *
   * @param other the summary to compare with, not null
   * @return true if every figure is equal
   */
  public boolean sameAs(LiabilitySummary other) {
    Objects.requireNonNull(other, "other");
    return decided == other.decided() && rejected == other.rejected() && creditLines == other.creditLines()
        && accountsCredited == other.accountsCredited() && totals.equals(other.totals())
        && byPlan.equals(other.byPlan()) && byScope.equals(other.byScope()) && byRule.equals(other.byRule())
        && flags.equals(other.flags())
        && largest.equals(other.largest().stream().map(l -> new Largest(l.key(), l.amount())).toList());
  }

  @Override
  public String toString() {
    return "SparkLiability(" + decided + " decided, " + rejected + " rejected, " + accountsCredited
        + " accounts credited, " + totals + ")";
  }

  /**
   * One of the largest credit lines.
   *
   * @param key the line's idempotency key, not null
   * @param amount its amount, not null
   */
  public record Largest(String key, Money amount) {
    /** Checks both are there. */
    public Largest {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
