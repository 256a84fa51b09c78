package dev.amends.rules.json;

import dev.amends.core.account.Account;
import dev.amends.core.internal.Checks;
import dev.amends.core.outage.Outage;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Claim;
import dev.amends.rules.IssuedCredit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of NDJSON record stream (accounts, outages, telemetry samples, claims, issued and
 * carried credits): its streaming reader and writer, and the JSON of one record.
 *
 * <p>An account line (one line in the file; wrapped here):
 *
 * <pre>{@code
 * {"id":"acct-1","currency":"USD","zone":"America/New_York","customerSince":"2005-03-01",
 *  "subscriptions":[{"id":"sub-c2","plan":"grid-standard",
 *    "prices":[{"amount":{"amount":"20.00","currency":"USD"},"per":"MONTHLY"}],
 *    "active":{"start":"2007-01-01T05:00:00Z"},"placements":["grid/cluster-2"]}]}
 * }</pre>
 *
 * <p>An outage line:
 *
 * <pre>{@code
 * {"id":"MAINT-2007-12-01","scopes":["grid/cluster-2"],
 *  "window":{"start":"2007-12-01T05:00:00Z","end":"2007-12-01T18:00:00Z"},"kind":"MAINTENANCE",
 *  "announcement":{"announcedAt":"2007-11-21T05:00:00Z",
 *    "window":{"start":"2007-12-01T05:00:00Z","end":"2007-12-01T11:00:00Z"}},
 *  "impact":{"level":"FULL"},"cause":"PROVIDER","tags":["season-2007","storage"]}
 * }</pre>
 *
 * <p>Reading a stream:
 *
 * <pre>{@code
 * try (RecordReader<Outage> in = RecordFormat.OUTAGES.reader(Path.of("outages.ndjson"))) {
 *   while (in.hasNext()) {
 *     switch (in.next()) {
 *       case RecordLine.Accepted<Outage> a -> outages.add(a.record());
 *       case RecordLine.Rejected<Outage> r -> System.err.println(r.problem().getMessage());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>The rules of every stream: UTF-8 (a byte-order mark is skipped; a UTF-16 or UTF-32 file is
 * one rejection, line 1, naming the encoding found, and is not read further), one JSON object a
 * line, blank lines skipped, lines at most
 * 1,048,576 characters. Unknown fields, duplicate keys, nulls for required fields and wrong types
 * are errors. Instants are ISO-8601 in UTC ({@code 2007-12-01T05:00:00Z}), dates ISO-8601, zones by
 * region id; decimals are strings or plain JSON numbers, read exactly (at most 18 integer and 12
 * fraction digits); money is {@code {"amount": "20.00", "currency": "USD"}} with no more decimal
 * places than the currency has; ratios (an impact's share, a telemetry error rate, days of
 * service) are decimals or {@code "n/d"}; enums are their Java names. A window's {@code end} may
 * be left out for a subscription still active or an outage still going on. Fields with defaults
 * (an outage's kind, impact and cause, a subscription's seats, an account's billing schedule and
 * standing) may be left out. The checks of the core builders apply too: a rejected line names the
 * field, the value and the rule.
 *
 * <p>Immutable and thread-safe; readers and writers are not.
 *
 * @param <T> the record type
 */
public final class RecordFormat<T> {
  /** Accounts with their subscriptions, prices, billing schedule and standing. */
  public static final RecordFormat<Account> ACCOUNTS = new RecordFormat<>("accounts", "accounts", RecordCodecs.ACCOUNT);
  /** Outage records. */
  public static final RecordFormat<Outage> OUTAGES = new RecordFormat<>("outages", "outages", RecordCodecs.OUTAGE);
  /**
   * Telemetry samples: {@code {"scope": "api", "window": {...}, "good": 9400, "total": 10000}} or
   * with {@code "errorRate": "0.06"} instead of the counts.
   */
  public static final RecordFormat<TelemetrySample> TELEMETRY = new RecordFormat<>("telemetry", "telemetry", RecordCodecs.TELEMETRY);
  /**
   * Claims, each with its account: {@code {"accountId": "acct-1", "id": "CLM-1", "filedAt":
   * "2007-12-05T14:00:00Z", "subscriptionId": "sub-c2", "outageIds": [...], "evidence": [...]}}.
   */
  public static final RecordFormat<AccountRecord<Claim>> CLAIMS = new RecordFormat<>("claims", "claims", RecordCodecs.CLAIM);
  /**
   * Credits already issued, each with its account and period: {@code {"accountId": "acct-1",
   * "periodStart": "2007-12-01", "key": "cr-...", "amount": {...}, "policyId": ..., "subscriptionId":
   * ..., "rulePath": ..., "days": "5/2"}} ({@code days} optional).
   */
  public static final RecordFormat<AccountRecord<IssuedCredit>> ISSUED_CREDITS =
      new RecordFormat<>("issued credits", "issued-credits", RecordCodecs.ISSUED);
  /**
   * Amounts carried forward by caps, each with its account and the period they were cut in:
   * {@code {"accountId": ..., "periodStart": ..., "subscriptionId": ..., "policyId": ...,
   * "capPath": ..., "amount": {...}}}.
   */
  public static final RecordFormat<AccountRecord<CarriedCredit>> CARRIED_CREDITS =
      new RecordFormat<>("carried credits", "carried-credits", RecordCodecs.CARRIED);

  /** Every record format, in the order above. */
  private static final List<RecordFormat<?>> ALL =
      List.of(ACCOUNTS, OUTAGES, TELEMETRY, CLAIMS, ISSUED_CREDITS, CARRIED_CREDITS);

  private final String name;
  private final String kind;
  private final RecordCodec<T> codec;

  private RecordFormat(String name, String kind, RecordCodec<T> codec) {
    this.name = name;
    this.kind = kind;
    this.codec = codec;
  }

  /** Every record format: accounts, outages, telemetry, claims, issued and carried credits. */
  public static List<RecordFormat<?>> all() {
    return ALL;
  }

  /** What the stream holds, such as {@code accounts}. */
  public String name() {
    return name;
  }

  /**
   * The format's name as one word, as {@code amends schema <kind>} takes it and its schema's file
   * is named: {@code accounts}, {@code outages}, {@code telemetry}, {@code claims}, {@code
   * issued-credits}, {@code carried-credits}.
   */
  public String kind() {
    return kind;
  }

  /**
   * The JSON Schema (draft 2020-12) of one line of this stream, as shipped in this jar
   * ({@code dev/amends/rules/json/records/<kind>.schema.json}, {@code $id}
   * {@code https://amends.dev/schemas/records/1/<kind>.schema.json}): every field with its
   * description. Self-contained; the readers check a little more than it can say (a window's end
   * after its start, ids without control characters, money at the currency's scale).
   *
   * @return the schema's JSON text, not null
   */
  public String schema() {
    return Json.resource("records/" + kind + ".schema.json");
  }

  /**
   * A reader of characters.
   *
   * @param in the characters, closed with the reader, not null
   * @param source the stream's name in rejections, such as {@code accounts.ndjson}, not null
   * @return the reader, not null
   */
  public RecordReader<T> reader(Reader in, String source) {
    return new RecordReader<>(LineSource.of(Checks.notNull("in", in), Json.MAX_LINE_LENGTH), codec,
        Checks.notNull("source", source));
  }

  /**
   * A reader of UTF-8 bytes; a line that is not UTF-8 is rejected, not replaced.
   *
   * @param in the bytes, closed with the reader, not null
   * @param source the stream's name in rejections, such as {@code accounts.ndjson}, not null
   * @return the reader, not null
   */
  public RecordReader<T> reader(InputStream in, String source) {
    return new RecordReader<>(LineSource.of(Checks.notNull("in", in), Json.MAX_LINE_LENGTH), codec,
        Checks.notNull("source", source));
  }

  /**
   * A reader of a UTF-8 file, named in rejections by its file name.
   *
   * @param file the file, not null
   * @return the reader, not null
   * @throws IOException if the file cannot be opened
   */
  public RecordReader<T> reader(Path file) throws IOException {
    Checks.notNull("file", file);
    return reader(Files.newInputStream(file), String.valueOf(file.getFileName()));
  }

  /**
   * A writer to characters; wrap a file's writer in a {@link BufferedWriter} for speed.
   *
   * @param out the characters, closed with the writer, not null
   * @return the writer, not null
   */
  public RecordWriter<T> writer(Writer out) {
    return new RecordWriter<>(Checks.notNull("out", out), this::toLine);
  }

  /**
   * A buffered writer of UTF-8 bytes.
   *
   * @param out the bytes, closed with the writer, not null
   * @return the writer, not null
   */
  public RecordWriter<T> writer(OutputStream out) {
    return writer(utf8(out));
  }

  /** A buffered UTF-8 writer over bytes. */
  static Writer utf8(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(Checks.notNull("out", out), StandardCharsets.UTF_8));
  }

  /**
   * One record as one line of JSON, without the line end.
   *
   * @param record the record, not null
   * @return the JSON text, not null
   */
  public String toLine(T record) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    codec.write(Checks.notNull("record", record), out);
    return Json.MAPPER.writeValueAsString(out);
  }

  /**
   * One record from one line of JSON.
   *
   * @param line the JSON text, not null
   * @return the record, not null
   * @throws JsonDocumentException with subject {@code <name> line} and every problem found
   */
  public T fromLine(String line) {
    Checks.notNull("line", line);
    List<JsonProblem> problems = new ArrayList<>();
    T value = line.length() > Json.MAX_LINE_LENGTH ? null : RecordReader.read(line, codec, problems);
    if (line.length() > Json.MAX_LINE_LENGTH) {
      problems.add(new JsonProblem("", "(line)", "is longer than " + Json.MAX_LINE_LENGTH + " characters"));
    }
    if (value == null || !problems.isEmpty()) {
      throw new JsonDocumentException(name + " line", problems);
    }
    return value;
  }

  @Override
  public String toString() {
    return name + " (NDJSON)";
  }
}
