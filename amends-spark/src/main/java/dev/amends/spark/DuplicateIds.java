package dev.amends.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import dev.amends.core.account.Account;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The account ids that more than one accepted line or row carries, each with where it was first
 * met, found by a pre-pass over the {@link SparkSchemas#INPUT} rows before any is decided: as
 * {@code amends credit} does, only the first is decided and every later one is rejected, whatever
 * the partitions. "First" is the least {@code (source, position)}: for NDJSON files the file's URI,
 * then the line in it; for a Dataset the position {@code monotonically_increasing_id()} gives (its
 * partitions in order, then its rows in each).
 *
 * <p>A row is decided only if its position is the one recorded, so even if a Dataset gave its rows
 * other positions when read again, no id could be decided twice (at worst every copy is rejected).
 * Only the duplicated ids come to the driver, so a table with millions of duplicates costs memory
 * there. Immutable once built; thread-safe.
 */
final class DuplicateIds implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final StructType ACCEPTED = DataTypes.createStructType(List.of(
      DataTypes.createStructField("accountId", DataTypes.StringType, true),
      DataTypes.createStructField("source", DataTypes.StringType, true),
      DataTypes.createStructField("position", DataTypes.LongType, true)));

  /** Where an id was first met: the source (null for a Dataset) and the position in it. */
  record First(String source, long position) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final HashMap<String, First> firsts;

  private DuplicateIds(HashMap<String, First> firsts) {
    this.firsts = firsts;
  }

  /** Finds the duplicated ids of the input rows; one Spark job, shuffling only ids and positions. */
  static DuplicateIds find(Dataset<Row> input) {
    HashMap<String, First> firsts = new HashMap<>();
    List<Row> rows = input.mapPartitions(new AcceptedIds(), Encoders.row(ACCEPTED))
        .groupBy("accountId")
        .agg(count(lit(1)).as("n"), min(struct(col("source"), col("position"))).as("first"))
        .where(col("n").gt(1))
        .select(col("accountId"), col("first.source"), col("first.position"))
        .collectAsList();
    for (Row r : rows) {
      firsts.put(r.getString(0), new First(r.getString(1), r.getLong(2)));
    }
    return new DuplicateIds(firsts);
  }

  /**
   * Where the id was first met, if that was not here; null if this is the first (or only) account
   * with the id.
   */
  First earlier(String id, String source, long position) {
    First f = firsts.get(id);
    return f == null || (Objects.equals(f.source(), source) && f.position() == position) ? null : f;
  }

  /** How many ids are duplicated. */
  int size() {
    return firsts.size();
  }

  /**
   * The message {@code amends credit} gives for a duplicate line, with the same JSON pointer; a
   * first line in another file is named by its file, and a Dataset row by its id.
   */
  static String message(String id, String source, Long line, First first) {
    if (source == null) {
      return "accounts row " + id + ": /id: \"" + id + "\" " + problem(null, first);
    }
    return fileName(source) + " line " + line + ": /id: \"" + id + "\" " + problem(source, first);
  }

  /** The problem's message: what {@code amends credit} says after the id's value. */
  static String problem(String source, First first) {
    if (source == null) {
      return "is the id of an account in an earlier row; an account is decided once, so this row is not";
    }
    String where = source.equals(first.source()) ? "" : " of " + fileName(first.source());
    return "is the id of the account on line " + first.position() + where
        + "; an account is decided once, so this line is not";
  }

  static String fileName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  /** Each input row the strict reader accepts, as its id, source and position. */
  private static final class AcceptedIds implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row row = rows.next();
            String id = acceptedId(row);
            if (id != null) {
              next = RowFactory.create(id, row.getString(0), row.getLong(6));
            }
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    }

    /** The id of the account the row holds, if the strict reader accepts it; else null. */
    private static String acceptedId(Row row) {
      String json = row.getString(3);
      if (json == null) {
        return null; // rejected when read
      }
      if (row.getString(0) != null) {
        return row.getString(2); // an NDJSON line: read by the strict reader already
      }
      try (RecordReader<Account> reader = RecordFormat.ACCOUNTS.reader(new StringReader(json), "row")) {
        return reader.hasNext() && reader.next() instanceof RecordLine.Accepted<Account> a ? a.record().id() : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
