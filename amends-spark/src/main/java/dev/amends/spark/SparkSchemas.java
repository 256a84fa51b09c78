package dev.amends.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the job reads and writes. Every schema is fixed; nothing is inferred.
 *
 * <p><b>Accounts</b> ({@link #accounts()}): one row per account, nested exactly as the NDJSON
 * account record ({@code dev.amends.rules.json.RecordFormat#ACCOUNTS}), every value as the record
 * writes it: decimals, dates, instants, zones, currencies and enums as strings; {@code seats} a
 * long. A null field is a field left out. Each row is turned into its JSON text and read by the same
 * strict reader as {@code amends credit}, so a row that the reader would reject is rejected here
 * with the same problems. The columns are those below and no others (an unknown column is an
 * unknown field).
 *
 * <pre>
 * id STRING, currency STRING, zone STRING,
 * billing STRUCT&lt;cycle STRING, anchor STRING&gt;,
 * standing ARRAY&lt;STRUCT&lt;from STRING, status STRING&gt;&gt;,
 * customerSince STRING, tags ARRAY&lt;STRING&gt;,
 * subscriptions ARRAY&lt;STRUCT&lt;id STRING, plan STRING,
 *   prices ARRAY&lt;STRUCT&lt;effectiveFrom STRING, amount STRUCT&lt;amount STRING, currency STRING&gt;, per STRING&gt;&gt;,
 *   active STRUCT&lt;start STRING, end STRING&gt;, placements ARRAY&lt;STRING&gt;, seats BIGINT, tags ARRAY&lt;STRING&gt;&gt;&gt;
 * </pre>
 *
 * <p><b>Decisions</b> ({@link #decisions()}): one row per account decided. {@code period} is the
 * month of the run ({@code 2007-12}); {@code periodStart}, {@code periodEnd} and {@code zone} are
 * the account's billing period; {@code lines} are the credit lines in the decision's order, each
 * with the plan and scope of its subscription as the liability summary labels them, the amount as
 * exact decimal text at the currency's scale ({@code "2.00"}) and its currency; {@code json} is the
 * decision as {@code DecisionJson.toLine(CreditDecision)} writes it, the bytes {@code amends
 * credit} writes after its {@code "result"} and {@code "index"} fields; {@code source} and
 * {@code line} say where the account was read (the file and its line for NDJSON files, null for a
 * Dataset).
 *
 * <p><b>Rejections</b> ({@link #rejections()}): one row per account line or row that was not
 * decided. {@code stage} is {@code read} (the line or row is not a valid account record: {@code
 * problems} holds each JSON Pointer, value and message), {@code duplicate} (an account
 * with the same id came first: on an earlier line, by file then line for NDJSON files, or in an
 * earlier row of a Dataset, by partition then row; {@code problems} holds the {@code /id} pointer,
 * and only the first is decided, as {@code amends credit} does), {@code request} (no billing period of
 * the account starts in the month) or {@code decide} (the engine rejected it: {@code field} names
 * the input path, and {@code bug} is true when the cause was a failure rather than bad input);
 * {@code message} is the text {@code amends credit} prints after {@code rejected: }.
 *
 * <p>Immutable constants; thread-safe.
 */
public final class SparkSchemas {
  private SparkSchemas() {}

  private static final StructType MONEY = struct(field("amount", StringType), field("currency", StringType));

  private static final StructType ACCOUNTS = struct(
      field("id", StringType),
      field("currency", StringType),
      field("zone", StringType),
      field("billing", struct(field("cycle", StringType), field("anchor", StringType))),
      field("standing", createArrayType(struct(field("from", StringType), field("status", StringType)))),
      field("customerSince", StringType),
      field("tags", createArrayType(StringType)),
      field("subscriptions", createArrayType(struct(
          field("id", StringType),
          field("plan", StringType),
          field("prices", createArrayType(struct(
              field("effectiveFrom", StringType), field("amount", MONEY), field("per", StringType)))),
          field("active", struct(field("start", StringType), field("end", StringType))),
          field("placements", createArrayType(StringType)),
          field("seats", LongType),
          field("tags", createArrayType(StringType))))));

  static final StructType LINE = struct(
      field("key", StringType),
      field("kind", StringType),
      field("amount", StringType),
      field("currency", StringType),
      field("days", StringType),
      field("extendsTermTo", StringType),
      field("subscriptionId", StringType),
      field("plan", StringType),
      field("scope", StringType),
      field("policyId", StringType),
      field("policyVersion", IntegerType),
      field("policyDigest", StringType),
      field("rulePath", StringType),
      field("outageIds", createArrayType(StringType)),
      field("reason", StringType));

  private static final StructType DECISIONS = struct(
      field("period", StringType),
      field("accountId", StringType),
      field("periodStart", StringType),
      field("periodEnd", StringType),
      field("zone", StringType),
      field("evaluatedAt", StringType),
      field("lines", createArrayType(LINE)),
      field("totals", createArrayType(MONEY)),
      field("flags", createArrayType(StringType)),
      field("warnings", createArrayType(StringType)),
      field("source", StringType),
      field("line", LongType),
      field("json", StringType));

  static final StructType PROBLEM = struct(field("pointer", StringType), field("value", StringType),
      field("message", StringType));

  private static final StructType REJECTIONS = struct(
      field("period", StringType),
      field("stage", StringType),
      field("source", StringType),
      field("line", LongType),
      field("accountId", StringType),
      field("problems", createArrayType(PROBLEM)),
      field("field", StringType),
      field("bug", BooleanType),
      field("message", StringType));

  /** Inside: each result of a partition is a decision or a rejection. */
  static final StructType RESULTS = struct(field("decision", DECISIONS), field("rejection", REJECTIONS));

  /**
   * Inside: an account to decide, or a line already rejected when it was read; {@code position}
   * orders the rows of a source (the line for a file, the row's place for a Dataset).
   */
  static final StructType INPUT = struct(
      field("source", StringType),
      field("line", LongType),
      field("accountId", StringType),
      field("json", StringType),
      field("problems", createArrayType(PROBLEM)),
      field("message", StringType),
      field("position", LongType));

  /** The account rows {@link SparkCredits#decide(org.apache.spark.sql.Dataset)} reads. */
  public static StructType accounts() {
    return ACCOUNTS;
  }

  /** The decision rows: one per account decided. */
  public static StructType decisions() {
    return DECISIONS;
  }

  /** The rejection rows: one per account line or row not decided. */
  public static StructType rejections() {
    return REJECTIONS;
  }

  private static StructType struct(StructField... fields) {
    return createStructType(List.of(fields));
  }

  private static StructField field(String name, DataType type) {
    return createStructField(name, type, true);
  }
}
