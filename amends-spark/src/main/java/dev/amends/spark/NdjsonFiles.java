package dev.amends.spark;

import dev.amends.core.account.Account;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * NDJSON account files read by Amends' own strict reader, as {@code amends credit} reads them: one
 * task per file, streaming, every line numbered in its file, a bad line rejected with the same
 * message (named by the file's name and line) and the rest carrying on. A good line goes on as the
 * account's canonical JSON, to be decided wherever Spark puts it.
 */
final class NdjsonFiles {
  private NdjsonFiles() {}

  /** The files at a path (a file, a directory or a glob) as {@link SparkSchemas#INPUT} rows. */
  static Dataset<Row> read(SparkSession spark, String path) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = sc.binaryFiles(path).flatMap(file -> new Lines(file._1(), file._2()));
    return spark.createDataFrame(rows, SparkSchemas.INPUT);
  }

  /** One file's lines as rows; the file is read as the rows are taken and closed at its end. */
  private static final class Lines implements Iterator<Row> {
    private final String uri;
    private final RecordReader<Account> reader;

    Lines(String uri, PortableDataStream stream) {
      this.uri = uri;
      String name = uri.substring(uri.lastIndexOf('/') + 1);
      this.reader = RecordFormat.ACCOUNTS.reader(stream.open(), name);
    }

    @Override
    public boolean hasNext() {
      if (reader.hasNext()) {
        return true;
      }
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return switch (reader.next()) {
        case RecordLine.Accepted<Account> a -> RowFactory.create(uri, a.lineNumber(), a.record().id(),
            RecordFormat.ACCOUNTS.toLine(a.record()), null, null, a.lineNumber());
        case RecordLine.Rejected<Account> r -> RowFactory.create(uri, r.lineNumber(), null, null,
            Rows.seq(PartitionDecider.problemRows(r.problem().problems())), r.problem().getMessage(),
            r.lineNumber());
      };
    }
  }
}
